import Foundation

/// A detector's parameters parsed from `NAME=VALUE` strings, with defaults for those not given.
///
/// Parsing checks every value against its ``DetectorParameter/Kind``, so the accessors only
/// look values up; asking for a name or type the detector did not declare is a programming error.
struct DetectorArguments {
    /// One parsed value.
    private enum Value {
        case real(Double)
        case optionalReal(Double?)
        case integer(Int)
        case optionalInteger(Int?)
        case boolean(Bool)
        case choice(String)
        case seed(UInt64)
    }

    /// The detector's name, for error messages.
    let detector: String
    private var values: [String: Value] = [:]
    /// The values as given, and as listed for those not given.
    private var texts: [String: String]
    private let given: Set<String>

    /// Parses `given` against `parameters`, rejecting unknown names and unacceptable values.
    init(
        detector: String, parameters: [DetectorParameter], given: [String: String]
    ) throws(DetectorConfigurationError) {
        self.detector = detector
        texts = given
        let known = parameters.map(\.name)
        if let unknown = given.keys.sorted().first(where: { !known.contains($0) }) {
            throw .unknownParameter(detector: detector, parameter: unknown, known: known)
        }
        for parameter in parameters {
            values[parameter.name] = try Self.parse(given[parameter.name], parameter, detector)
            texts[parameter.name] = given[parameter.name] ?? parameter.defaultValue
        }
        self.given = Set(given.keys)
    }

    /// The value of a real parameter.
    func real(_ name: String) -> Double {
        guard case .real(let value) = values[name] else { preconditionFailure("\(name) is not a real parameter") }
        return value
    }

    /// The value of an optional real parameter.
    func optionalReal(_ name: String) -> Double? {
        guard case .optionalReal(let value) = values[name] else { preconditionFailure("\(name) is not optional") }
        return value
    }

    /// The value of an integer parameter.
    func integer(_ name: String) -> Int {
        guard case .integer(let value) = values[name] else { preconditionFailure("\(name) is not an integer") }
        return value
    }

    /// The value of an optional integer parameter.
    func optionalInteger(_ name: String) -> Int? {
        guard case .optionalInteger(let value) = values[name] else { preconditionFailure("\(name) is not optional") }
        return value
    }

    /// The value of a boolean parameter.
    func boolean(_ name: String) -> Bool {
        guard case .boolean(let value) = values[name] else { preconditionFailure("\(name) is not a boolean") }
        return value
    }

    /// The value of a choice parameter.
    func choice(_ name: String) -> String {
        guard case .choice(let value) = values[name] else { preconditionFailure("\(name) is not a choice") }
        return value
    }

    /// The value of a seed parameter.
    func seed(_ name: String) -> UInt64 {
        guard case .seed(let value) = values[name] else { preconditionFailure("\(name) is not a seed") }
        return value
    }

    /// Whether the parameter was given rather than defaulted.
    func isGiven(_ name: String) -> Bool { given.contains(name) }

    /// The error for a value that is acceptable alone but not with the others, such as a
    /// warning level below the drift level.
    func invalid(_ name: String, expected: String) -> DetectorConfigurationError {
        .invalidValue(detector: detector, parameter: name, value: texts[name] ?? "", expected: expected)
    }

    /// The default when `text` is nil, else `text` parsed and checked.
    private static func parse(
        _ text: String?, _ parameter: DetectorParameter, _ detector: String
    ) throws(DetectorConfigurationError) -> Value {
        let invalid = DetectorConfigurationError.invalidValue(
            detector: detector, parameter: parameter.name, value: text ?? "", expected: parameter.expected)
        let trimmed = text?.trimmingCharacters(in: .whitespaces)
        let isNone = trimmed?.lowercased() == "none"
        switch parameter.kind {
        case .real(let value, let domain):
            guard let trimmed else { return .real(value) }
            guard let parsed = Double(trimmed), domain.contains(parsed) else { throw invalid }
            return .real(parsed)
        case .optionalReal:
            guard let trimmed, !isNone else { return .optionalReal(nil) }
            guard let parsed = Double(trimmed), parsed.isFinite else { throw invalid }
            return .optionalReal(parsed)
        case .integer(let value, let minimum):
            guard let trimmed else { return .integer(value) }
            guard let parsed = Int(trimmed), parsed >= minimum else { throw invalid }
            return .integer(parsed)
        case .optionalInteger(let minimum):
            guard let trimmed, !isNone else { return .optionalInteger(nil) }
            guard let parsed = Int(trimmed), parsed >= minimum else { throw invalid }
            return .optionalInteger(parsed)
        case .boolean(let value):
            guard let trimmed else { return .boolean(value) }
            switch trimmed.lowercased() {
            case "true", "1": return .boolean(true)
            case "false", "0": return .boolean(false)
            default: throw invalid
            }
        case .choice(let value, let options):
            guard let trimmed else { return .choice(value) }
            guard options.contains(trimmed) else { throw invalid }
            return .choice(trimmed)
        case .seed(let value):
            guard let trimmed else { return .seed(value) }
            guard let parsed = UInt64(trimmed) else { throw invalid }
            return .seed(parsed)
        }
    }
}
