import Foundation

/// Splits a request body into rows: one JSON object, a JSON array of objects, or NDJSON.
enum RequestBodyRows {
    /// A body that is not JSON at all.
    struct Malformed: Error {
        var message: String
    }

    static func rows(_ body: [UInt8], contentType: String?) throws(Malformed) -> [JSONValue] {
        let decoder = JSONDecoder()
        if let contentType, contentType.lowercased().contains("ndjson") {
            var rows: [JSONValue] = []
            var lineNumber = 0
            for line in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                lineNumber += 1
                let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                do {
                    rows.append(try decoder.decode(JSONValue.self, from: Data(trimmed)))
                } catch {
                    throw Malformed(message: "line \(lineNumber) is not valid JSON")
                }
            }
            return rows
        }
        let value: JSONValue
        do {
            value = try decoder.decode(JSONValue.self, from: Data(body))
        } catch {
            throw Malformed(message: "the body is not valid JSON (\(Self.describe(error)))")
        }
        if case .array(let rows) = value { return rows }
        return [value]
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        return "\(error)"
    }
}
