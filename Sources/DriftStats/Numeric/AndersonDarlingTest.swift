import Foundation

/// The two-sample Anderson–Darling test in its midrank form, A²akN of Scholz and Stephens (1987).
///
/// Agrees with `scipy.stats.anderson_ksamp([reference, current])` in scipy 1.17 (variant
/// "midrank", tabulated p-value). Over the distinct pooled values zⱼ with lⱼ ties, Bⱼ values
/// below plus lⱼ/2, and Mᵢⱼ the midrank count of sample i at zⱼ,
/// A²akN = (N − 1)/N² · Σᵢ 1/nᵢ · Σⱼ lⱼ (N·Mᵢⱼ − Bⱼ·nᵢ)² / (Bⱼ(N − Bⱼ) − N·lⱼ/4),
/// standardized as (A²akN − 1)/σN with the exact null variance σN² of their eq. 4. The p-value
/// interpolates log(α) quadratically in Table 2's critical values for one degree of freedom and
/// is clipped to [0.001, 0.25] where scipy clips it (with a warning).
public enum AndersonDarlingTest {
    /// The standardized statistic and scipy's interpolated p-value.
    public static func test(_ reference: SortedSample, _ current: SortedSample)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        guard reference.count > 0, current.count > 0 else {
            throw UndefinedStatistic("a sample has no values")
        }
        let ranks = MergedRanks(reference, current)
        guard ranks.groupCount >= 2 else {
            throw UndefinedStatistic("all values are equal")
        }
        let n = reference.count + current.count
        // scipy indexes the last of N − 2 harmonic partial sums, which do not exist for N = 2.
        guard n > 2 else { throw UndefinedStatistic("needs at least 3 values") }
        let a2akN = midrankStatistic(ranks, reference.count, current.count)
        let variance = nullVariance(reference.count, current.count)
        // math.sqrt raises on a negative variance; NaN (N = 3 gives 0/0) propagates.
        guard !(variance < 0) else { throw UndefinedStatistic("null variance is negative") }
        let statistic = (a2akN - 1) / variance.squareRoot()
        guard !statistic.isNaN else { throw UndefinedStatistic("too few values for the null variance") }
        return DriftOutcome(statistic: statistic, pValue: interpolatedPValue(statistic))
    }

    /// A²akN (eq. 7), with scipy's operation order so that the sums round alike.
    private static func midrankStatistic(_ ranks: MergedRanks, _ nx: Int, _ ny: Int) -> Double {
        let total = Double(nx + ny)
        var innerX: [Double] = []
        var innerY: [Double] = []
        innerX.reserveCapacity(ranks.groupCount)
        innerY.reserveCapacity(ranks.groupCount)
        var below = 0
        var belowX = 0
        var belowY = 0
        for group in 0..<ranks.groupCount {
            let fx = ranks.referenceCounts[group]
            let fy = ranks.currentCounts[group]
            let ties = fx + fy
            let b = Double(below) + Double(ties) / 2
            let weight = Double(ties) / total
            let denominator = b * (total - b) - Double((nx + ny) * ties) / 4
            let mx = Double(belowX + fx) - Double(fx) / 2
            let my = Double(belowY + fy) - Double(fy) / 2
            let dx = total * mx - b * Double(nx)
            let dy = total * my - b * Double(ny)
            innerX.append(weight * (dx * dx) / denominator)
            innerY.append(weight * (dy * dy) / denominator)
            below += ties
            belowX += fx
            belowY += fy
        }
        let sum = NumpyPairwiseSum.sum(innerX) / Double(nx) + NumpyPairwiseSum.sum(innerY) / Double(ny)
        return sum * ((total - 1) / total)
    }

    /// σN², the variance of A²kN under the null for k = 2 samples (Scholz and Stephens, eq. 4).
    private static func nullVariance(_ nx: Int, _ ny: Int) -> Double {
        let n = nx + ny
        let k = 2.0
        let bigH = 1 / Double(nx) + 1 / Double(ny)
        // Harmonic partial sums Σ_{i=j}^{N−1} 1/i for j = N−1 down to 2, accumulated as
        // numpy's cumsum does; h = Σ_{i=1}^{N−1} 1/i and g = Σ_{i<j} 1/((N − i)j).
        var partial: [Double] = []
        partial.reserveCapacity(n - 2)
        var running = 0.0
        for i in stride(from: n - 1, to: 1, by: -1) {
            running += 1 / Double(i)
            partial.append(running)
        }
        let h = partial[partial.count - 1] + 1
        let g = NumpyPairwiseSum.sum(partial.enumerated().map { $0.element / Double($0.offset + 2) })
        let a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * bigH
        let b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * bigH - 8 * h + 4 * g - 6
        let c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * bigH + 4 * h
        let d = (2 * h + 6) * k * k - 4 * h * k
        let size = Double(n)
        // N² exactly, then one rounding for N³, as Python converts the integer N**3.
        let square = Double(n * n)
        let cube = square * size
        return (a * cube + b * square + c * size + d) / ((size - 1) * (size - 2) * (size - 3))
    }

    /// Table 2 of Scholz and Stephens for m = k − 1 = 1: b₀ + b₁/√m + b₂/m at α = 0.25 and 0.001.
    private static let smallestCriticalValue = 0.32500000000000007
    private static let largestCriticalValue = 6.546
    /// The coefficients of `np.polyfit(critical, log(α), 2)` over Table 2's seven levels for
    /// m = 1, as scipy 1.17 computes them (highest power first); fixed because k is fixed.
    private static let logLevelFit = (0.018198094574111343, -1.0082265644652515, -1.077770279820486)

    /// exp of the quadratic fit of log(α) at the statistic, clipped to the tabulated levels.
    private static func interpolatedPValue(_ statistic: Double) -> Double {
        if statistic < smallestCriticalValue { return 0.25 }
        if statistic > largestCriticalValue { return 0.001 }
        let (c2, c1, c0) = logLevelFit
        return exp((c2 * statistic + c1) * statistic + c0)
    }
}
