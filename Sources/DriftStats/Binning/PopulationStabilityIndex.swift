import Foundation

/// Population stability index, PSI = Σ (rᵢ − cᵢ) · ln(rᵢ / cᵢ), Evidently 0.7's `psi`.
///
/// Computed on ``BinnedProportions`` with empty bins filled (and not renormalised), as
/// Evidently's `_psi` does. Common reading: < 0.1 stable, 0.1–0.2 moderate, > 0.2 significant.
public enum PopulationStabilityIndex {
    /// PSI of two numeric samples.
    public static func distance(_ reference: SortedSample, _ current: SortedSample) throws(UndefinedStatistic)
        -> DriftOutcome
    {
        DriftOutcome(statistic: value(try BinnedProportions(reference, current)))
    }

    /// PSI of two categorical samples.
    public static func distance(_ counts: CategoryCounts) throws(UndefinedStatistic) -> DriftOutcome {
        DriftOutcome(statistic: value(try BinnedProportions(counts)))
    }

    /// PSI of binned proportions; empty bins are filled first.
    public static func value(_ bins: BinnedProportions) -> Double {
        let filled = bins.fillingEmptyBins()
        var sum = 0.0
        for (r, c) in zip(filled.reference, filled.current) {
            sum += (r - c) * log(r / c)
        }
        return sum
    }
}
