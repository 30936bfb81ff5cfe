import Foundation

/// Jensen–Shannon distance √(½ KL(p ‖ m) + ½ KL(q ‖ m)), m = (p + q)/2, natural log.
///
/// Evidently 0.7's `jensenshannon`: `scipy.spatial.distance.jensenshannon` on
/// ``BinnedProportions`` without filling empty bins. Bounded by √ln 2 ≈ 0.833.
public enum JensenShannonDistance {
    /// Jensen–Shannon distance of two numeric samples.
    public static func distance(_ reference: SortedSample, _ current: SortedSample)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        DriftOutcome(statistic: value(try BinnedProportions(reference, current)))
    }

    /// Jensen–Shannon distance of two categorical samples.
    public static func distance(_ counts: CategoryCounts) throws(UndefinedStatistic) -> DriftOutcome {
        DriftOutcome(statistic: value(try BinnedProportions(counts)))
    }

    /// Jensen–Shannon distance of binned proportions (each side normalised to sum to one).
    public static func value(_ bins: BinnedProportions) -> Double {
        let referenceTotal = bins.reference.reduce(0, +)
        let currentTotal = bins.current.reduce(0, +)
        var left = 0.0
        var right = 0.0
        for (r, c) in zip(bins.reference, bins.current) {
            let p = r / referenceTotal
            let q = c / currentTotal
            let m = (p + q) / 2
            if p > 0 { left += p * log(p / m) }
            if q > 0 { right += q * log(q / m) }
        }
        return ((left + right) / 2).squareRoot()
    }
}
