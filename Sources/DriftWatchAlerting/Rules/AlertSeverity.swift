/// How urgent an alert is: the `severity` label of every alert a rule raises.
///
/// Ordered from least to most urgent, so `severity >= .warning` selects warnings and criticals.
public enum AlertSeverity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Worth knowing; nobody needs to act now.
    case info
    /// Needs a look within working hours.
    case warning
    /// Needs someone now.
    case critical

    /// The rank used for ordering.
    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }

    /// Decodes `info`, `warning` or `critical`, naming the accepted values when the text is none of them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let severity = AlertSeverity(rawValue: text.lowercased()) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown severity \"\(text)\"; expected info, warning or critical")
        }
        self = severity
    }

    /// Orders severities from `info` to `critical`.
    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool {
        lhs.rank < rhs.rank
    }
}
