import Foundation

/// Welch's unequal-variance t-test, two-sided.
///
/// Agrees with `scipy.stats.ttest_ind(reference, current, equal_var=False)` in scipy 1.17:
/// t = (x̄ − ȳ)/√(s²ₓ/n + s²ᵧ/m) on Student's t with the Welch–Satterthwaite degrees of freedom
/// ν = (s²ₓ/n + s²ᵧ/m)² / ((s²ₓ/n)²/(n − 1) + (s²ᵧ/m)²/(m − 1)). Means and variances are summed
/// in numpy's order. When both samples are constant scipy gives t = ±∞ (p = 0) or, for equal
/// constants, NaN; both are thrown, since an infinite statistic is not a usable value.
public enum WelchTTest {
    /// t and its two-sided p-value.
    public static func test(_ reference: SortedSample, _ current: SortedSample)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        guard reference.count > 1, current.count > 1 else {
            throw UndefinedStatistic("needs at least 2 values in each sample")
        }
        let (meanX, varianceX) = meanAndVariance(reference.values)
        let (meanY, varianceY) = meanAndVariance(current.values)
        let vnX = varianceX / Double(reference.count)
        let vnY = varianceY / Double(current.count)
        let welchDF =
            (vnX + vnY) * (vnX + vnY)
            / (vnX * vnX / Double(reference.count - 1) + vnY * vnY / Double(current.count - 1))
        let t = (meanX - meanY) / (vnX + vnY).squareRoot()
        guard t.isFinite else {
            throw UndefinedStatistic(
                vnX + vnY == 0 ? "both samples have zero variance" : "the statistic is not finite")
        }
        let df = welchDF.isNaN ? 1 : welchDF
        return DriftOutcome(
            statistic: t, pValue: StudentTDistribution(degreesOfFreedom: df).twoSidedPValue(t))
    }

    /// The mean and the ddof = 1 variance as scipy's `_var` forms it: mean((x − x̄)²)·n/(n − 1).
    private static func meanAndVariance(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = NumpyPairwiseSum.mean(values)
        let squares = values.map { ($0 - mean) * ($0 - mean) }
        let n = Double(values.count)
        return (mean, NumpyPairwiseSum.mean(squares) * (n / (n - 1)))
    }
}
