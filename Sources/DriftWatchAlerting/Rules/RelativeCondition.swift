/// A change against the reference value: fires while the value has dropped (or risen) by more than
/// a fraction of the series' reference.
///
/// "Accuracy drop > 10 % against the reference" is `direction: drop, fraction: 0.10`, which holds
/// while `value < reference · (1 − 0.10)`; a rise holds while `value > reference · (1 + fraction)`.
/// The reference is the ``ReferenceBaseline/mean`` of the series' baseline; a series without a
/// baseline never satisfies the condition.
///
/// ```yaml
/// condition: { relative: { direction: drop, fraction: 0.10 } }
/// ```
public struct RelativeCondition: Sendable, Hashable, Codable {
    /// Which way the value has to move.
    public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
        /// The value fell below the reference.
        case drop
        /// The value rose above the reference.
        case rise
    }

    /// Which way the value has to move.
    public var direction: Direction
    /// The change as a fraction of the reference (0.10 for 10 %).
    public var fraction: Double

    /// Creates a relative condition.
    public init(_ direction: Direction, fraction: Double) {
        self.direction = direction
        self.fraction = fraction
    }

    /// Whether `value` moved past the limit set by `reference`.
    public func holds(_ value: Double, reference: Double) -> Bool {
        switch direction {
        case .drop: value < reference * (1 - fraction)
        case .rise: value > reference * (1 + fraction)
        }
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case direction, fraction
    }

    /// Decodes `direction` and `fraction`, rejecting unknown fields.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        direction = try container.decode(Direction.self, forKey: .direction)
        fraction = try container.decode(Double.self, forKey: .fraction)
    }
}
