/// Distances between the category shares p (reference) and q (current).
///
/// - Total variation distance ½ Σ |pᵢ − qᵢ|, in [0, 1].
/// - L∞ distance max |pᵢ − qᵢ|, in [0, 1].
/// - Cramér's V = √(χ² / (N · min(r − 1, c − 1))) of the 2×k table with χ² uncorrected, as
///   `scipy.stats.contingency.association(table, method="cramer")`; for a 2×k table this is
///   √(χ²/N).
public enum CategoricalDistances {
    /// ½ Σ |pᵢ − qᵢ|.
    public static func totalVariation(_ counts: CategoryCounts) throws(UndefinedStatistic) -> DriftOutcome {
        let bins = try BinnedProportions(counts)
        var sum = 0.0
        for (p, q) in zip(bins.reference, bins.current) { sum += abs(p - q) }
        return DriftOutcome(statistic: 0.5 * sum)
    }

    /// max |pᵢ − qᵢ|.
    public static func lInfinity(_ counts: CategoryCounts) throws(UndefinedStatistic) -> DriftOutcome {
        let bins = try BinnedProportions(counts)
        var largest = 0.0
        for (p, q) in zip(bins.reference, bins.current) { largest = max(largest, abs(p - q)) }
        return DriftOutcome(statistic: largest)
    }

    /// Cramér's V of the 2×k table.
    public static func cramersV(_ counts: CategoryCounts) throws(UndefinedStatistic) -> DriftOutcome {
        guard counts.categories.count >= 2 else {
            throw UndefinedStatistic("cramers_v needs at least two categories")
        }
        let chi2 = try ChiSquareTest.test(counts, correction: false).statistic
        let total = Double(counts.referenceTotal + counts.currentTotal)
        return DriftOutcome(statistic: (chi2 / total).squareRoot())
    }
}
