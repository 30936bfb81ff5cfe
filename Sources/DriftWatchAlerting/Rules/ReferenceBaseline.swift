/// What a series looked like on the reference data: the centre and spread that adaptive and
/// relative conditions compare with.
///
/// The caller computes baselines (from the reference dataset or a training window) and passes them
/// to the evaluator in ``ReferenceBaselines``.
public struct ReferenceBaseline: Sendable, Hashable, Codable {
    /// The reference value: the band's centre and the base of relative changes.
    public var mean: Double
    /// The spread of the value on the reference, for adaptive bands.
    public var standardDeviation: Double

    /// Creates a baseline.
    public init(mean: Double, standardDeviation: Double = 0) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    private enum CodingKeys: String, CodingKey {
        case mean
        case standardDeviation = "std"
    }
}
