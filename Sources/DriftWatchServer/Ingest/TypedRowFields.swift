import DriftWatchCore
import Foundation

/// The field readers shared by the typed row decoders (``InferenceRowDecoder``,
/// ``LabelRowDecoder``): each gives a field's value in the plain case and throws ``Unusual`` for
/// anything ``EventFields`` would refuse or that the typed path does not handle, so that the
/// caller falls back to the tree path, which gives the exact answer.
enum TypedRowFields {
    /// The row is not one the typed path decodes; the tree path decides.
    struct Unusual: Error {}

    /// Whether a raw key is `name`.
    static func matches(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        guard key.count == name.utf8CodeUnitCount else { return false }
        for k in 0..<key.count where key[k] != name.utf8Start[k] { return false }
        return true
    }

    /// Reads a row that is one object: each member `member` names is handed to `read`, which
    /// consumes its value (a member given twice is unusual); any other member is checked as JSON
    /// and skipped, as the tree path does. Text after the object is unusual.
    static func readRow<Member: RawRepresentable<Int>>(
        _ scanner: inout JSONScanner, member: (UnsafeBufferPointer<UInt8>) -> Member?,
        _ read: (Member, inout JSONScanner) throws -> Void
    ) throws {
        guard scanner.enterObject() else { throw Unusual() }
        var seen = 0
        var first = true
        while let key = try scanner.nextRawKey(first: first) {
            first = false
            guard let known = member(key) else {
                _ = try scanner.value(depth: 1)
                continue
            }
            guard seen & (1 << known.rawValue) == 0 else { throw Unusual() }
            seen |= 1 << known.rawValue
            try read(known, &scanner)
        }
        guard scanner.isAtEnd() else { throw Unusual() }
    }

    /// A flat object of `key → value` at depth 1 (`segments`, `y_proba`); `null` is empty. A
    /// repeated key, or a value `value` throws for, is unusual.
    static func readMap<Value>(_ scanner: inout JSONScanner, _ value: (JSONValue) throws -> Value) throws
        -> [String: Value]
    {
        guard scanner.enterObject() else {
            guard case .null = try scalar(&scanner, depth: 1) else { throw Unusual() }
            return [:]
        }
        var entries: [(String, Value)] = []
        var first = true
        while let key = try scanner.nextKey(first: first) {
            first = false
            entries.append((key, try value(try scalar(&scanner, depth: 2))))
        }
        let map = Dictionary(entries) { kept, _ in kept }
        guard map.count == entries.count else { throw Unusual() }
        return map
    }

    /// A scalar (an object or array is unusual where a scalar is read).
    static func scalar(_ scanner: inout JSONScanner, depth: Int) throws -> JSONValue {
        switch scanner.peek() {
        case UInt8(ascii: "{"), UInt8(ascii: "["): throw Unusual()
        default: return try scanner.value(depth: depth)
        }
    }

    /// As ``EventFields/string(_:)``; `id` for the `_id` fields, which also take numbers. The
    /// length is checked in UTF-8 bytes, which are never fewer than characters: a longer string
    /// goes to the tree path, which counts characters.
    static func text(_ value: JSONValue, id: Bool, limits: IngestLimits) throws(Unusual) -> String? {
        switch value {
        case .null: return nil
        case .string(let text):
            guard text.utf8.count <= limits.maxStringLength else { throw Unusual() }
            return text
        case .number(let number) where id && number.isFinite: return FeatureValue.label(number)
        default: throw Unusual()
        }
    }

    /// As ``EventFields/requiredString(_:)``.
    static func requiredText(_ value: JSONValue?, limits: IngestLimits) throws(Unusual) -> String {
        guard let value, let text = try self.text(value, id: true, limits: limits), !text.isEmpty else {
            throw Unusual()
        }
        return text
    }

    /// As ``EventFields/number(_:)``.
    static func number(_ value: JSONValue) throws(Unusual) -> Double? {
        switch value {
        case .null: return nil
        case .number(let number) where number.isFinite: return number
        default: throw Unusual()
        }
    }

    /// As ``EventFields/timestamp(_:receivedAt:)``.
    static func timestamp(_ value: JSONValue, receivedAt: Date) throws(Unusual) -> Date {
        switch value {
        case .null: return receivedAt
        case .number(let seconds) where seconds.isFinite: return Date(timeIntervalSince1970: seconds)
        case .string(let text):
            guard let date = Timestamps.parse(text) else { throw Unusual() }
            return date
        default: throw Unusual()
        }
    }
}
