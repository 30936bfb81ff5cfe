/// The comparison of a static threshold: `>`, `>=`, `<` or `<=`.
public enum ComparisonOperator: String, Sendable, Hashable, Codable, CaseIterable {
    /// Fires when the value is above the threshold.
    case greaterThan = ">"
    /// Fires when the value is at or above the threshold.
    case greaterThanOrEqual = ">="
    /// Fires when the value is below the threshold.
    case lessThan = "<"
    /// Fires when the value is at or below the threshold.
    case lessThanOrEqual = "<="

    /// Whether `value` compared with `threshold` holds.
    public func compare(_ value: Double, _ threshold: Double) -> Bool {
        switch self {
        case .greaterThan: value > threshold
        case .greaterThanOrEqual: value >= threshold
        case .lessThan: value < threshold
        case .lessThanOrEqual: value <= threshold
        }
    }

    /// Whether the condition fires on high values; the side a backtest's peak is taken from.
    public var firesAbove: Bool { self == .greaterThan || self == .greaterThanOrEqual }

    /// Decodes one of the four symbols, naming them when the text is something else.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let comparison = ComparisonOperator(rawValue: String(text.trimmingWhitespace())) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown operator \"\(text)\"; expected one of >, >=, <, <=")
        }
        self = comparison
    }
}
