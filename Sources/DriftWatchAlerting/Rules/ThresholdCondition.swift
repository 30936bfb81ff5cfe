/// A static threshold: fires while `value <op> threshold` holds.
///
/// ```yaml
/// condition: { threshold: { op: ">", value: 0.2 } }
/// ```
public struct ThresholdCondition: Sendable, Hashable, Codable {
    /// The comparison.
    public var op: ComparisonOperator
    /// The threshold.
    public var value: Double

    /// Creates a threshold condition.
    public init(_ op: ComparisonOperator, _ value: Double) {
        self.op = op
        self.value = value
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case op, value
    }

    /// Decodes `op` and `value`, rejecting unknown fields.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        op = try container.decode(ComparisonOperator.self, forKey: .op)
        value = try container.decode(Double.self, forKey: .value)
    }
}
