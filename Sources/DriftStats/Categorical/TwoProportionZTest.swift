/// Pooled two-proportion z-test, two-sided, for a column with exactly two categories.
///
/// With p₁ and p₂ the shares of the first category (in ascending order) in the reference and
/// current samples and P the pooled share, z = (p₁ − p₂) / √(P(1 − P)(1/n₁ + 1/n₂)) and
/// p = 2·Φ(−|z|). This is Evidently's `z` stattest, with the tail from `erfc` for accuracy.
public enum TwoProportionZTest {
    /// The z statistic and two-sided p-value.
    public static func test(_ counts: CategoryCounts) throws(UndefinedStatistic) -> DriftOutcome {
        guard counts.categories.count == 2 else {
            throw UndefinedStatistic("z needs exactly two categories")
        }
        let n1 = Double(counts.referenceTotal)
        let n2 = Double(counts.currentTotal)
        try counts.requireBothSamples()
        let p1 = Double(counts.reference[0]) / n1
        let p2 = Double(counts.current[0]) / n2
        let pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        let z = (p1 - p2) / (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        guard z.isFinite else { throw UndefinedStatistic("the pooled proportion is 0 or 1") }
        return DriftOutcome(statistic: z, pValue: StandardNormal.twoSidedPValue(z))
    }
}
