import Foundation

/// Count, mean and sample standard deviation of a set of values: a series' stored values over a
/// time range, the drift scores of reference chunks.
public struct ResultStatistics: Sendable, Hashable {
    public var count: Int
    public var mean: Double
    public var standardDeviation: Double

    /// Creates statistics.
    public init(count: Int, mean: Double, standardDeviation: Double) {
        self.count = count
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// Statistics of `values` in one pass (Welford); non-finite values are skipped; nil when
    /// none is left.
    public init?<Values: Sequence>(_ values: Values) where Values.Element == Double {
        var count = 0
        var mean = 0.0
        var squares = 0.0
        for value in values where value.isFinite {
            count += 1
            let delta = value - mean
            mean += delta / Double(count)
            squares += delta * (value - mean)
        }
        guard count > 0 else { return nil }
        self.init(count: count, mean: mean, standardDeviation: (squares / Double(max(count - 1, 1))).squareRoot())
    }
}
