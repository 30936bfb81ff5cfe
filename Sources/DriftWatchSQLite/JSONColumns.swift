import DriftWatchCore
import Foundation

/// Compact JSON text for the map columns (features, segments, probabilities).
///
/// Written by hand rather than with `JSONEncoder`: it runs for every event of every batch, and
/// a direct byte writer is several times faster. Keys are sorted, so one event always encodes to
/// the same bytes. Numbers use Swift's shortest round-tripping form (`0.1`, `1e-07`, `5.0`),
/// which parses back to the identical `Double`. Non-finite numbers cannot be JSON; they are
/// written as `null` (callers turn NaN and ±∞ into missing values before this point).
enum JSONColumns {
    static func encode(_ features: [String: FeatureValue]) -> String {
        var writer = Writer()
        writer.object(features) { writer, value in
            switch value {
            case .number(let number): writer.number(number)
            case .text(let text): writer.string(text)
            case .missing: writer.null()
            }
        }
        return writer.text
    }

    static func encode(_ numbers: [String: Double]) -> String {
        var writer = Writer()
        writer.object(numbers) { writer, value in writer.number(value) }
        return writer.text
    }

    static func encode(_ strings: [String: String]) -> String {
        var writer = Writer()
        writer.object(strings) { writer, value in writer.string(value) }
        return writer.text
    }

    static func decodeFeatures(_ text: String) throws -> [String: FeatureValue] {
        try decode(text).mapValues { scalar in
            switch scalar {
            case .number(let number): .number(number)
            case .text(let text): .text(text)
            case .null: .missing
            }
        }
    }

    static func decodeNumbers(_ text: String) throws -> [String: Double] {
        try decode(text).compactMapValues { scalar in
            if case .number(let number) = scalar { number } else { nil }
        }
    }

    static func decodeStrings(_ text: String) throws -> [String: String] {
        try decode(text).compactMapValues { scalar in
            if case .text(let text) = scalar { text } else { nil }
        }
    }

    private static func decode(_ text: String) throws -> [String: Scalar] {
        if text == "{}" { return [:] }
        return try JSONDecoder().decode([String: Scalar].self, from: Data(text.utf8))
    }

    /// One value of a stored map.
    private enum Scalar: Decodable {
        case number(Double)
        case text(String)
        case null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .number(try container.decode(Double.self))
            }
        }
    }

    private struct Writer {
        private var bytes: [UInt8] = []

        init() {
            bytes.reserveCapacity(256)
        }

        var text: String { String(decoding: bytes, as: UTF8.self) }

        mutating func object<Value>(_ map: [String: Value], _ writeValue: (inout Writer, Value) -> Void) {
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for (key, value) in map.sorted(by: { $0.key < $1.key }) {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                string(key)
                bytes.append(UInt8(ascii: ":"))
                writeValue(&self, value)
            }
            bytes.append(UInt8(ascii: "}"))
        }

        mutating func null() {
            bytes.append(contentsOf: "null".utf8)
        }

        mutating func number(_ value: Double) {
            if value.isFinite {
                bytes.append(contentsOf: value.description.utf8)
            } else {
                null()
            }
        }

        mutating func string(_ value: String) {
            bytes.append(UInt8(ascii: "\""))
            let written: Void? = value.utf8.withContiguousStorageIfAvailable { escaped($0) }
            if written == nil {
                Array(value.utf8).withUnsafeBufferPointer { escaped($0) }
            }
            bytes.append(UInt8(ascii: "\""))
        }

        /// Appends `utf8` escaped for a JSON string: runs of plain bytes are copied whole.
        private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): bytes.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): bytes.append(contentsOf: #"\t"#.utf8)
                default:
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }

        private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    }
}
