/// The two-sample Kuiper test, as astropy 8.0's `astropy.stats.kuiper_two(reference, current)`.
///
/// The statistic is V = max(F₁ − F₂) + max(F₂ − F₁) ≥ 0 over the empirical CDFs, accumulated
/// in steps of 1/n₁ and −1/n₂ across each run of equal values, as astropy's Cython
/// `_stats.ks_2samp` does (the walk stops when either sample is exhausted). The p-value is
/// ``KuiperDistribution/falsePositiveProbability(_:effectiveSize:)`` at N = n₁n₂/(n₁ + n₂).
public enum KuiperTest {
    /// Tests whether `reference` and `current` come from the same distribution.
    public static func test(
        _ reference: SortedSample, _ current: SortedSample
    ) throws(UndefinedStatistic) -> DriftOutcome {
        guard reference.count > 0, current.count > 0 else {
            throw UndefinedStatistic("a sample is empty")
        }
        let v = statistic(reference.values, current.values)
        let effectiveSize =
            Double(reference.count * current.count) / Double(reference.count + current.count)
        let p = KuiperDistribution.falsePositiveProbability(v, effectiveSize: effectiveSize)
        guard !p.isNaN else {
            throw UndefinedStatistic(
                "the Kuiper false positive probability is undefined at this statistic and size")
        }
        return DriftOutcome(statistic: v, pValue: p)
    }

    /// max(F₁ − F₂) − min(F₁ − F₂), both extremes taken with 0.
    private static func statistic(_ a: [Double], _ b: [Double]) -> Double {
        let step1 = 1.0 / Double(a.count)
        let step2 = 1.0 / Double(b.count)
        var i = 0
        var j = 0
        var difference = 0.0
        var smallest = 0.0
        var largest = 0.0
        while i < a.count && j < b.count {
            let x = a[i]
            let y = b[j]
            if x <= y {
                while i < a.count && a[i] == x {
                    difference += step1
                    i += 1
                }
            }
            if x >= y {
                while j < b.count && b[j] == y {
                    difference -= step2
                    j += 1
                }
            }
            smallest = min(smallest, difference)
            largest = max(largest, difference)
        }
        return largest - smallest
    }
}
