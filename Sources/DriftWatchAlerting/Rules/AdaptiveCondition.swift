/// An adaptive band around the reference: fires while the value leaves `mean ± k·std`, where the
/// mean and standard deviation come from the series' ``ReferenceBaseline``.
///
/// A series without a baseline never satisfies the condition: there is nothing to compare with.
///
/// ```yaml
/// condition: { adaptive: { k: 3, side: above } }
/// ```
public struct AdaptiveCondition: Sendable, Hashable, Codable {
    /// Which edge of the band counts.
    public enum Side: String, Sendable, Hashable, Codable, CaseIterable {
        /// Below `mean − k·std` or above `mean + k·std`.
        case outside
        /// Above `mean + k·std` only (a drift score, a latency).
        case above
        /// Below `mean − k·std` only (an accuracy, a coverage).
        case below
    }

    /// The half-width of the band in standard deviations.
    public var k: Double
    /// Which edge of the band counts; `outside` by default.
    public var side: Side

    /// Creates an adaptive condition.
    public init(k: Double, side: Side = .outside) {
        self.k = k
        self.side = side
    }

    /// Whether `value` is outside the band given by `baseline`.
    public func holds(_ value: Double, baseline: ReferenceBaseline) -> Bool {
        let upper = baseline.mean + k * baseline.standardDeviation
        let lower = baseline.mean - k * baseline.standardDeviation
        switch side {
        case .outside: return value > upper || value < lower
        case .above: return value > upper
        case .below: return value < lower
        }
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case k, side
    }

    /// Decodes `k` and an optional `side`, rejecting unknown fields.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        k = try container.decode(Double.self, forKey: .k)
        side = try container.decodeIfPresent(Side.self, forKey: .side) ?? .outside
    }
}
