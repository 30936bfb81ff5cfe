/// The first Wasserstein (earth mover's) distance W₁ = ∫ |F(x) − G(x)| dx.
///
/// Agrees with `scipy.stats.wasserstein_distance(reference, current)`. ``normed(_:_:)`` divides
/// by max(std(reference, ddof = 0), 0.001), Evidently 0.7's `wasserstein` stattest, which makes
/// the distance unitless so that one threshold (0.1) suits every column.
public enum WassersteinDistance {
    /// W₁ in the data's units.
    public static func distance(_ reference: SortedSample, _ current: SortedSample)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        guard reference.count > 0, current.count > 0 else {
            throw UndefinedStatistic("a sample has no values")
        }
        return DriftOutcome(statistic: EmpiricalCDFDistance.integral(reference.values, current.values, power: 1))
    }

    /// W₁ / max(std(reference), 0.001).
    public static func normed(_ reference: SortedSample, _ current: SortedSample)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        let raw = try distance(reference, current).statistic
        return DriftOutcome(statistic: raw / normalizer(reference))
    }

    /// The divisor of the normed distance, max(std(reference, ddof = 0), 0.001).
    public static func normalizer(_ reference: SortedSample) -> Double {
        max(reference.variance(ddof: 0).squareRoot(), 0.001)
    }
}
