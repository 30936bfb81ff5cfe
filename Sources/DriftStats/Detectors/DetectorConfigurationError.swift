/// Why ``DriftDetectors/make(_:parameters:)`` cannot build a detector.
public enum DetectorConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No detector has this name.
    case unknownDetector(String, known: [String])
    /// The detector takes no parameter of this name.
    case unknownParameter(detector: String, parameter: String, known: [String])
    /// The value given for a parameter is not one it accepts.
    case invalidValue(detector: String, parameter: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .unknownDetector(let name, let known):
            "unknown detector '\(name)' (known: \(known.joined(separator: ", ")))"
        case .unknownParameter(let detector, let parameter, let known):
            "\(detector) has no parameter '\(parameter)' (its parameters: \(known.joined(separator: ", ")))"
        case .invalidValue(let detector, let parameter, let value, let expected):
            "invalid value '\(value)' for \(detector) parameter '\(parameter)': expected \(expected)"
        }
    }
}
