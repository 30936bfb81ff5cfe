import Foundation

/// The two-sided Mann–Whitney U test.
///
/// Agrees with `scipy.stats.mannwhitneyu(reference, current)` in scipy 1.17 (two-sided, method
/// "auto", continuity correction). The statistic is U₁ = R₁ − n₁(n₁ + 1)/2 of the reference
/// sample, R₁ its midrank sum. With U = max(U₁, n₁n₂ − U₁), the p-value is 2·P(U' ≥ U) from the
/// exact null distribution when a sample has at most 8 values and there are no ties, otherwise
/// 2·Φ(−z) with z = (U − n₁n₂/2 − ½)/σ and the tie-corrected
/// σ² = n₁n₂/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))); both are capped at 1.
public enum MannWhitneyUTest {
    /// U₁ of the reference sample and the two-sided p-value.
    public static func test(_ reference: SortedSample, _ current: SortedSample)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        let n1 = reference.count
        let n2 = current.count
        guard n1 > 0, n2 > 0 else { throw UndefinedStatistic("a sample has no values") }
        let ranks = MergedRanks(reference, current)
        // Twice the rank sum is an integer; U₁ is exact in floating point.
        var twiceRankSum = 0
        var before = 0
        var hasTies = false
        var tieTerms: [Double] = []
        tieTerms.reserveCapacity(ranks.groupCount)
        for group in 0..<ranks.groupCount {
            let size = ranks.referenceCounts[group] + ranks.currentCounts[group]
            twiceRankSum += ranks.referenceCounts[group] * (2 * before + size + 1)
            before += size
            hasTies = hasTies || size > 1
            let t = Double(size)
            tieTerms.append(pow(t, 3) - t)
        }
        let tieTerm = NumpyPairwiseSum.sum(tieTerms)
        let u1 = Double(twiceRankSum) / 2 - Double(n1 * (n1 + 1)) / 2
        let product = n1 * n2
        let u = max(u1, Double(product) - u1)
        let p: Double
        if (n1 <= 8 || n2 <= 8) && !hasTies {
            p = 2 * MannWhitneyUDistribution.cdf(product - Int(u), n1, n2)
        } else {
            let n = Double(n1 + n2)
            let sigma = (Double(product) / 12 * ((n + 1) - tieTerm / (n * (n - 1)))).squareRoot()
            let z = (u - Double(product) / 2 - 0.5) / sigma
            p = 2 * StandardNormal.cdf(-z)
        }
        return DriftOutcome(statistic: u1, pValue: min(max(p, 0), 1))
    }
}
