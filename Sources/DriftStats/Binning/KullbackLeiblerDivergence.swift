import Foundation

/// Kullback–Leibler divergence KL(reference ‖ current) = Σ pᵢ ln(pᵢ / qᵢ), Evidently 0.7's `kl_div`.
///
/// Computed on ``BinnedProportions`` with empty bins filled, then both sides renormalised to
/// sum to one, as `scipy.stats.entropy(reference, current)` does inside Evidently's `_kl_div`.
public enum KullbackLeiblerDivergence {
    /// KL divergence of two numeric samples.
    public static func divergence(_ reference: SortedSample, _ current: SortedSample)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        DriftOutcome(statistic: value(try BinnedProportions(reference, current)))
    }

    /// KL divergence of two categorical samples.
    public static func divergence(_ counts: CategoryCounts) throws(UndefinedStatistic) -> DriftOutcome {
        DriftOutcome(statistic: value(try BinnedProportions(counts)))
    }

    /// KL divergence of binned proportions; empty bins are filled, then renormalised.
    public static func value(_ bins: BinnedProportions) -> Double {
        let filled = bins.fillingEmptyBins()
        let referenceTotal = filled.reference.reduce(0, +)
        let currentTotal = filled.current.reduce(0, +)
        var sum = 0.0
        for (r, c) in zip(filled.reference, filled.current) {
            let p = r / referenceTotal
            let q = c / currentTotal
            sum += p * log(p / q)
        }
        return sum
    }
}
