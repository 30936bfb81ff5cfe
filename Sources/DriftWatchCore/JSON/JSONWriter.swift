/// Writes compact JSON text into a byte buffer.
///
/// Written by hand rather than with `JSONEncoder` or `JSONSerialization`: it runs for every
/// stored event and every ingest answer, and a direct byte writer is several times faster.
/// Numbers use Swift's shortest round-tripping form (`0.1`, `1e-07`, `5.0`), which parses back to
/// the identical `Double`; non-finite numbers cannot be JSON and are written as `null`.
public struct JSONWriter: Sendable {
    /// The text written so far, as UTF-8.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty writer.
    public init() {
        bytes.reserveCapacity(256)
    }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// An object with sorted keys, so that one map always gives the same text.
    ///
    /// Inlinable so that it is specialized for the caller's value type: unspecialized, sorting
    /// the (key, value) pairs of a generic value costs more than the whole encoding.
    @inlinable
    public mutating func object<Value>(_ map: [String: Value], _ writeValue: (inout JSONWriter, Value) -> Void) {
        raw("{")
        var first = true
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            if !first { raw(",") }
            first = false
            string(key)
            raw(":")
            writeValue(&self, value)
        }
        raw("}")
    }

    /// `null`.
    public mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    /// A number; `null` when not finite.
    public mutating func number(_ value: Double) {
        if value.isFinite {
            bytes.append(contentsOf: value.description.utf8)
        } else {
            null()
        }
    }

    /// A string, escaped.
    public mutating func string(_ value: String) {
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

    /// Text that is already JSON (punctuation, literals, pre-encoded values).
    public mutating func raw(_ json: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: json.utf8Start, count: json.utf8CodeUnitCount))
    }

    /// Text that is already JSON, appended as it is; the caller vouches for it.
    public mutating func embed(_ json: String) {
        bytes.append(contentsOf: json.utf8)
    }

    /// `true` or `false`.
    public mutating func bool(_ value: Bool) {
        value ? raw("true") : raw("false")
    }

    /// An integer.
    public mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// An array, each element written by `writeElement`.
    @inlinable
    public mutating func array<Element>(
        _ elements: some Sequence<Element>, _ writeElement: (inout JSONWriter, Element) -> Void
    ) {
        raw("[")
        var first = true
        for element in elements {
            if !first { raw(",") }
            first = false
            writeElement(&self, element)
        }
        raw("]")
    }

    /// A JSON value.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let number): self.number(number)
        case .string(let text): string(text)
        case .array(let elements): array(elements) { $0.value($1) }
        case .object(let members): object(members) { $0.value($1) }
        }
    }
}
