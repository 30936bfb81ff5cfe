import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
#endif

/// An RFC 4180 CSV file held as one byte buffer with the position of every field.
///
/// Fields are not copied into strings on reading: a column is turned into numbers or
/// categories only when it is asked for (``column(_:)``), which keeps reading a 100,000-row
/// file to a single pass over its bytes. The first record is the header.
public struct CSVTable: Sendable {
    /// The path the table was read from, used in error messages.
    public let file: String
    /// Column names from the header, in file order.
    public let header: [String]
    /// The number of data records (rows after the header).
    public let rowCount: Int

    let bytes: [UInt8]
    /// Every data field's byte range, row after row; quoted fields are flagged.
    let fields: [FieldRange]
    /// 1-based line number at which each data row starts.
    let rowLines: [Int32]

    struct FieldRange: Sendable {
        var start: Int32
        var end: Int32
        var quoted: Bool
    }

    /// Reads and splits the file at `path`.
    public init(contentsOf path: String) throws(CSVError) {
        try self.init(terminated: try Self.readTerminated(path), file: path, lineOffset: 0)
    }

    /// Splits CSV text held in memory; `file` names it in errors.
    public init(bytes: [UInt8], file: String) throws(CSVError) {
        try self.init(bytes: bytes, file: file, headerLines: 0)
    }

    /// Splits CSV text whose first `headerLines` lines were added and are not in the file, so
    /// that line numbers in errors still point into the file.
    init(bytes: [UInt8], file: String, headerLines: Int) throws(CSVError) {
        var bytes = bytes
        bytes.append(0)
        try self.init(terminated: bytes, file: file, lineOffset: Int32(headerLines))
    }

    /// `bytes` ends with a 0 byte that is not part of the text: a terminator lets number
    /// parsing stop without bounds checks.
    private init(terminated bytes: [UInt8], file: String, lineOffset: Int32 = 0) throws(CSVError) {
        guard bytes.count < Int(Int32.max) else {
            throw CSVError(file: file, message: "files over 2 GiB are not supported")
        }
        self.file = file
        self.bytes = bytes
        let split = try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) in
            try CSVSplitter.split(buffer, count: buffer.count - 1, file: file)
        }
        guard split.recordCount > 0 else { throw CSVError(file: file, line: 1, message: "the file has no header") }
        let header = split.fields[0..<split.recordStarts[1]].map { Self.text(bytes, $0) }
        var seen = Set<String>()
        for name in header where !seen.insert(name).inserted {
            throw CSVError(file: file, line: 1, column: name, message: "the header names this column twice")
        }
        self.header = header
        self.rowCount = split.recordCount - 1
        for r in 1..<max(split.recordCount, 1) {
            let found = split.fieldCount(ofRecord: r)
            guard found == header.count else {
                throw CSVError(
                    file: file, line: Int(split.lines[r] - lineOffset),
                    message: "expected \(header.count) fields as in the header, found \(found)")
            }
        }
        self.fields = Array(split.fields.dropFirst(header.count))
        self.rowLines = split.lines.dropFirst().map { $0 - lineOffset }
    }

    /// Reads a whole file straight into a terminated byte array, with no intermediate copy.
    static func readTerminated(_ path: String) throws(CSVError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CSVError(file: path, message: "cannot read the file (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw CSVError(file: path, message: "not a regular file")
        }
        let size = Int(status.st_size)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            var offset = 0
            while offset < size {
                let got = systemRead(descriptor, buffer.baseAddress! + offset, size - offset)
                if got < 0 && errno == EINTR { continue }
                if got <= 0 {
                    failure = got < 0 ? errno : EIO
                    break
                }
                offset += got
            }
            buffer[offset] = 0
            count = offset + 1
        }
        guard failure == 0 else {
            throw CSVError(file: path, message: "cannot read the file (\(String(cString: strerror(failure))))")
        }
        return bytes
    }

    /// The field of data row `row` (0-based) in `column`.
    func field(row: Int, column: Int) -> FieldRange { fields[row * header.count + column] }

    static func text(_ bytes: [UInt8], _ field: FieldRange) -> String {
        let raw = String(decoding: bytes[Int(field.start)..<Int(field.end)], as: UTF8.self)
        return field.quoted ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }
}
