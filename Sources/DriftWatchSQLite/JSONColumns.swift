import DriftWatchCore
import Foundation

/// Compact JSON text for the map columns (features, segments, probabilities).
///
/// Written with ``JSONWriter`` and read with ``JSONScanner``: they run for every event of every batch. Keys are sorted, so one event always encodes to
/// the same bytes. Numbers use Swift's shortest round-tripping form (`0.1`, `1e-07`, `5.0`),
/// which parses back to the identical `Double`. Non-finite numbers cannot be JSON; they are
/// written as `null` (callers turn NaN and ±∞ into missing values before this point).
enum JSONColumns {
    static func encode(_ features: [String: FeatureValue]) -> String {
        var writer = JSONWriter()
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
        var writer = JSONWriter()
        writer.object(numbers) { writer, value in writer.number(value) }
        return writer.text
    }

    static func encode(_ strings: [String: String]) -> String {
        var writer = JSONWriter()
        writer.object(strings) { writer, value in writer.string(value) }
        return writer.text
    }

    /// `["a","b",…]`: a list of strings for `json_each`.
    static func encodeArray(_ strings: [String]) -> String {
        var writer = JSONWriter()
        writer.array(strings) { writer, text in writer.string(text) }
        return writer.text
    }

    /// `[{"field":…,"kind":…}, …]`.
    static func encode(_ violations: [SchemaViolation]) -> String {
        var writer = JSONWriter()
        writer.array(violations) { writer, violation in
            writer.raw("{\"field\":")
            writer.string(violation.field)
            writer.raw(",\"kind\":")
            writer.string(violation.kind.rawValue)
            writer.raw("}")
        }
        return writer.text
    }

    static func decodeViolations(_ text: String) throws -> [SchemaViolation] {
        guard case .array(let items) = try JSONParser.parse(text) else { throw JSONColumnError.notAnObject }
        return try items.map { item in
            guard case .string(let field)? = item.objectValue?["field"],
                case .string(let kindName)? = item.objectValue?["kind"],
                let kind = SchemaViolation.Kind(rawValue: kindName)
            else { throw JSONColumnError.notAnObject }
            return SchemaViolation(field: field, kind: kind)
        }
    }

    static func decodeFeatures(_ text: String) throws -> [String: FeatureValue] {
        var reader = FeatureColumnReader()
        return try reader.decode(text)
    }

    static func decodeNumbers(_ text: String) throws -> [String: Double] {
        try decode(text) { value in
            switch value {
            case .number(let number): number
            case .string, .null: nil
            default: throw JSONColumnError.notAnObject
            }
        }
    }

    static func decodeStrings(_ text: String) throws -> [String: String] {
        try decode(text) { value in
            switch value {
            case .string(let text): text
            case .number, .null: nil
            default: throw JSONColumnError.notAnObject
            }
        }
    }

    /// A flat object of scalars, read member by member with ``JSONScanner`` (the profiler reads
    /// every stored event's features back: building a ``JSONValue`` tree for each was most of the
    /// cost of reading an event). A member `value` maps to nil is left out; a repeated key keeps
    /// its last value, as ``JSONParser`` does.
    private static func decode<Value>(_ text: String, _ value: (JSONValue) throws -> Value?) throws
        -> [String: Value]
    {
        if text == "{}" { return [:] }
        var text = text
        return try text.withUTF8 { bytes in
            var scanner = JSONScanner(bytes: bytes)
            guard scanner.enterObject() else { throw JSONColumnError.notAnObject }
            var members: [(String, Value)] = []
            var first = true
            while let key = try scanner.nextKey(first: first) {
                first = false
                if let member = try value(scanner.value(depth: 1)) { members.append((key, member)) }
            }
            guard scanner.isAtEnd() else { throw JSONColumnError.notAnObject }
            // Sized once: `Dictionary(_:uniquingKeysWith:)` grows its table as it goes and merges
            // through a generic path (as the ingest decoder found).
            var map = [String: Value](minimumCapacity: members.count)
            for (key, member) in members { map[key] = member }
            return map
        }
    }
}

/// Reads the features column of row after row: a row whose names are the row before's, in the
/// same order, reuses its dictionary's layout (``FeatureShape``). The profiler reads every
/// stored event's features back when it trails the cache.
struct FeatureColumnReader {
    private var shape = FeatureShape()
    private var members: [(String, FeatureValue)] = []

    /// The features in `text`, a flat object of numbers, strings and nulls; a repeated name
    /// keeps its last value, as ``JSONParser`` does.
    mutating func decode(_ text: String) throws -> [String: FeatureValue] {
        if text == "{}" { return [:] }
        // Read in locals: inside the closure, every use of `self` went through a copy of it.
        var members: [(String, FeatureValue)] = []
        swap(&members, &self.members)
        defer { swap(&members, &self.members) }
        let shape = self.shape
        var sameShape = true
        var text = text
        try text.withUTF8 { bytes in
            var scanner = JSONScanner(bytes: bytes)
            guard scanner.enterObject() else { throw JSONColumnError.notAnObject }
            members.removeAll(keepingCapacity: true)
            var first = true
            while let name = try scanner.nextKeyBytes(first: first) {
                first = false
                let key = shape.name(name, at: members.count, sameShape: &sameShape)
                let value: FeatureValue =
                    switch try scanner.value(depth: 1) {
                    case .number(let number): .number(number)
                    case .string(let text): .text(text)
                    case .null: .missing
                    default: throw JSONColumnError.notAnObject
                    }
                members.append((key, value))
            }
            guard scanner.isAtEnd() else { throw JSONColumnError.notAnObject }
        }
        let (values, _) = self.shape.dictionary(members, sameShape: sameShape)
        return values
    }
}

/// A map column that does not hold what it should.
enum JSONColumnError: Error {
    case notAnObject
}
