import Foundation

extension CSVTable {
    /// Reads a CSV file, or standard input when `path` is `-`.
    ///
    /// A file whose first line is a bare number has no header: it is read as one column of
    /// numbers named `value`, one per line.
    public static func read(_ path: String) throws(CSVError) -> CSVTable {
        var bytes: [UInt8]
        let name: String
        if path == "-" {
            name = "<stdin>"
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            name = path
            bytes = try readTerminated(path)
            bytes.removeLast()
        }
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        let firstField = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if !firstField.contains(","), Double(firstField) != nil {
            bytes.insert(contentsOf: Array("value\n".utf8), at: 0)
            return try CSVTable(bytes: bytes, file: name, headerLines: 1)
        }
        return try CSVTable(bytes: bytes, file: name)
    }

    /// The column named `name` read as numbers (NaN where missing); without a name, the only
    /// column of a one-column file.
    public func numericColumn(_ name: String?) throws(CSVError) -> [Double] {
        let index: Int
        if let name {
            guard let found = columnIndex(name) else {
                throw CSVError(
                    file: file, column: name,
                    message: "no such column; the header has \(header.joined(separator: ", "))")
            }
            index = found
        } else {
            guard header.count == 1 else {
                throw CSVError(
                    file: file,
                    message:
                        "the file has \(header.count) columns (\(header.joined(separator: ", "))); name one with --column"
                )
            }
            index = 0
        }
        switch numbers(column: index) {
        case .success(let values): return values
        case .failure(let field):
            throw CSVError(
                file: file, line: field.line, column: header[index], message: "\"\(field.text)\" is not a number")
        }
    }
}
