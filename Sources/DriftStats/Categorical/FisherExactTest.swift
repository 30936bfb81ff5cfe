/// Fisher's exact test on the 2×2 table of a column with exactly two categories.
///
/// Agrees with `scipy.stats.fisher_exact(table)` (two-sided): the table is
/// [[reference a, reference b], [current a, current b]] with a < b the categories; the
/// statistic is the sample odds ratio (∞ when an off-diagonal cell is 0), and the p-value
/// sums the hypergeometric probabilities of all tables no more likely than the observed one,
/// with scipy's relative tolerance of 1e-14 for ties in likelihood.
public enum FisherExactTest {
    /// The odds ratio and the two-sided p-value.
    public static func test(_ counts: CategoryCounts) throws(UndefinedStatistic) -> DriftOutcome {
        guard counts.categories.count == 2 else {
            throw UndefinedStatistic("fisher_exact needs exactly two categories")
        }
        let c00 = counts.reference[0]
        let c01 = counts.reference[1]
        let c10 = counts.current[0]
        let c11 = counts.current[1]
        try counts.requireBothSamples()
        let oddsRatio =
            c10 > 0 && c01 > 0 ? Double(c00) * Double(c11) / (Double(c10) * Double(c01)) : .infinity
        let n1 = c00 + c01
        let n2 = c10 + c11
        let n = c00 + c10
        let distribution = HypergeometricDistribution(population: n1 + n2, successes: n1, draws: n)
        return DriftOutcome(statistic: oddsRatio, pValue: twoSidedPValue(c00, distribution))
    }

    static func twoSidedPValue(_ observed: Int, _ d: HypergeometricDistribution) -> Double {
        let n = d.draws
        let mode = Int(Double((n + 1) * (d.successes + 1)) / Double(d.population + 2))
        let pExact = d.pmf(observed)
        let pMode = d.pmf(mode)
        let epsilon = 1e-14
        let gamma = 1 + epsilon
        if abs(pExact - pMode) / max(pExact, pMode) <= epsilon { return 1 }
        let pValue: Double
        if observed < mode {
            let lower = d.cdf(observed)
            if d.pmf(n) > pExact * gamma { return lower }
            let guess = binarySearch({ -d.pmf($0) }, -pExact * gamma, mode, n)
            pValue = lower + d.sf(guess)
        } else {
            let upper = d.sf(observed - 1)
            if d.pmf(0) > pExact * gamma { return upper }
            let guess = binarySearch({ d.pmf($0) }, pExact * gamma, 0, mode)
            pValue = upper + d.cdf(guess)
        }
        return min(pValue, 1)
    }

    /// scipy's `_binary_search_for_binom_tst`: the i in [lo, hi] with f(i) ≤ target < f(i + 1).
    private static func binarySearch(_ f: (Int) -> Double, _ target: Double, _ lo: Int, _ hi: Int) -> Int {
        var lo = lo
        var hi = hi
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            let value = f(mid)
            if value < target {
                lo = mid + 1
            } else if value > target {
                hi = mid - 1
            } else {
                return mid
            }
        }
        return f(lo) <= target ? lo : lo - 1
    }
}
