import DriftWatchCore
import Foundation

/// Reads typed fields of one JSON row, naming the field in every error.
struct EventFields {
    let object: [String: JSONValue]
    let index: Int
    let limits: IngestLimits

    init(_ row: JSONValue, index: Int, limits: IngestLimits) throws(RejectedRow) {
        guard case .object(let object) = row else {
            throw RejectedRow(index: index, field: "", error: "expected a JSON object, got \(row.typeName)")
        }
        self.object = object
        self.index = index
        self.limits = limits
    }

    func reject(_ field: String, _ error: String) -> RejectedRow {
        RejectedRow(index: index, field: field, error: error)
    }

    /// A required, non-empty string.
    func requiredString(_ field: String) throws(RejectedRow) -> String {
        guard let value = try string(field), !value.isEmpty else { throw reject(field, "is required") }
        return value
    }

    func string(_ field: String) throws(RejectedRow) -> String? {
        switch object[field] {
        case nil, .null: return nil
        case .string(let value):
            guard value.count <= limits.maxStringLength else {
                throw reject(field, "is longer than \(limits.maxStringLength) characters")
            }
            return value
        case .number(let value) where field.hasSuffix("_id") && value.isFinite:
            // Numeric ids are common; keep them as their shortest text.
            return FeatureValue.label(value)
        case let other?: throw reject(field, "must be a string, got \(other.typeName)")
        }
    }

    /// A finite number; NaN and ±∞ spelled as strings are refused here (they are only missing
    /// values inside `features`).
    func number(_ field: String) throws(RejectedRow) -> Double? {
        switch object[field] {
        case nil, .null: return nil
        case .number(let value):
            guard value.isFinite else { throw reject(field, "must be a finite number") }
            return value
        case let other?: throw reject(field, "must be a number, got \(other.typeName)")
        }
    }

    /// `ts`: an RFC 3339 / ISO 8601 string or Unix seconds; missing means now.
    func timestamp(_ field: String, receivedAt: Date) throws(RejectedRow) -> Date {
        switch object[field] {
        case nil, .null: return receivedAt
        case .number(let seconds):
            guard seconds.isFinite else { throw reject(field, "must be a finite number of seconds") }
            return Date(timeIntervalSince1970: seconds)
        case .string(let text):
            if let date = Timestamps.parse(text) { return date }
            throw reject(field, "\"\(text)\" is not an ISO 8601 timestamp")
        case let other?: throw reject(field, "must be an ISO 8601 string or Unix seconds, got \(other.typeName)")
        }
    }

    /// A flat object of strings (segments).
    func stringMap(_ field: String) throws(RejectedRow) -> [String: String] {
        switch object[field] {
        case nil, .null: return [:]
        case .object(let entries):
            var result: [String: String] = [:]
            result.reserveCapacity(entries.count)
            for (key, value) in entries {
                switch value {
                case .string(let text) where text.count <= limits.maxStringLength: result[key] = text
                case .string: throw reject("\(field).\(key)", "is longer than \(limits.maxStringLength) characters")
                case .number(let number) where number.isFinite: result[key] = FeatureValue.label(number)
                case .bool(let flag): result[key] = flag ? "true" : "false"
                case .null: continue
                default: throw reject("\(field).\(key)", "must be a string, got \(value.typeName)")
                }
            }
            return result
        case let other?: throw reject(field, "must be an object, got \(other.typeName)")
        }
    }

    /// Class → probability.
    func probabilities(_ field: String) throws(RejectedRow) -> [String: Double] {
        switch object[field] {
        case nil, .null: return [:]
        case .object(let entries):
            var result: [String: Double] = [:]
            for (key, value) in entries {
                guard case .number(let p) = value, p >= 0, p <= 1 else {
                    throw reject("\(field).\(key)", "must be a probability in [0, 1]")
                }
                result[key] = p
            }
            return result
        case let other?: throw reject(field, "must be an object of class → probability, got \(other.typeName)")
        }
    }

    /// Features: numbers, strings, booleans or null; NaN and ±Infinity (also as strings) are
    /// missing. `verbatim` is true when every value was stored as it came (a finite number, a
    /// category or null), so that the received text describes the result exactly.
    func features(_ field: String) throws(RejectedRow) -> (values: [String: FeatureValueInput], verbatim: Bool) {
        switch object[field] {
        case nil, .null: return ([:], false)
        case .object(let entries):
            guard entries.count <= limits.maxFeatures else {
                throw reject(field, "has \(entries.count) features; the limit is \(limits.maxFeatures)")
            }
            var result: [String: FeatureValueInput] = [:]
            result.reserveCapacity(entries.count)
            var verbatim = true
            for (key, value) in entries {
                switch value {
                case .number(let number):
                    if number.isFinite {
                        result[key] = .number(number)
                    } else {
                        result[key] = .missing
                        verbatim = false
                    }
                case .string(let text):
                    if Self.nonFiniteSpellings.contains(text) {
                        result[key] = .missing
                        verbatim = false
                    } else {
                        guard text.count <= limits.maxStringLength else {
                            throw reject("\(field).\(key)", "is longer than \(limits.maxStringLength) characters")
                        }
                        result[key] = .text(text)
                    }
                case .bool(let flag):
                    result[key] = .text(flag ? "true" : "false")
                    verbatim = false
                case .null: result[key] = .missing
                case .array, .object:
                    throw reject("\(field).\(key)", "must be a number, string or null, got \(value.typeName)")
                }
            }
            return (result, verbatim)
        case let other?: throw reject(field, "must be an object, got \(other.typeName)")
        }
    }

    static let nonFiniteSpellings: Set<String> = ["NaN", "nan", "Infinity", "-Infinity", "inf", "-inf"]
}

/// A feature value as received, before it is stored.
typealias FeatureValueInput = FeatureValue
