import Foundation

/// The two-sample Cramér–von Mises test (Anderson 1962).
///
/// Agrees with `scipy.stats.cramervonmises_2samp(reference, current)` in scipy 1.17 (method
/// "auto"). With midranks rᵢ of the sorted reference and sⱼ of the sorted current sample in
/// the pooled sample, U = n·Σ(rᵢ − i)² + m·Σ(sⱼ − j)² and T = U/(nm(n + m)) − (4nm − 1)/(6(n + m)).
/// The p-value is exact (``CramerVonMisesExactDistribution``) when neither sample has more than
/// 20 values and otherwise comes from the limiting distribution of T standardized by its exact
/// mean and variance (Anderson's eqs. 11, 14, 15; ``CramerVonMisesLimitingDistribution``).
public enum CramerVonMisesTest {
    /// T and its p-value.
    public static func test(_ reference: SortedSample, _ current: SortedSample)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        let nx = reference.count
        let ny = current.count
        guard nx >= 2, ny >= 2 else {
            throw UndefinedStatistic("needs at least 2 values in each sample")
        }
        let u = rankStatistic(MergedRanks(reference, current), nx, ny)
        let k = nx * ny
        let n = nx + ny
        // Each product is exact in Int and rounds once as a Double, as Python converts k·N.
        let t = u / (Double(k) * Double(n)) - Double(4 * k - 1) / Double(6 * n)
        let p =
            max(nx, ny) > 20
            ? asymptoticPValue(t, nx, ny) : CramerVonMisesExactDistribution.pValue(u, nx, ny)
        return DriftOutcome(statistic: t, pValue: p)
    }

    /// U, summing squared rank displacements in numpy's order so that T rounds as scipy's.
    private static func rankStatistic(_ ranks: MergedRanks, _ nx: Int, _ ny: Int) -> Double {
        var squaresX: [Double] = []
        var squaresY: [Double] = []
        squaresX.reserveCapacity(nx)
        squaresY.reserveCapacity(ny)
        for (group, rank) in ranks.midranks.enumerated() {
            for _ in 0..<ranks.referenceCounts[group] {
                let d = rank - Double(squaresX.count + 1)
                squaresX.append(d * d)
            }
            for _ in 0..<ranks.currentCounts[group] {
                let d = rank - Double(squaresY.count + 1)
                squaresY.append(d * d)
            }
        }
        return Double(nx) * NumpyPairwiseSum.sum(squaresX) + Double(ny) * NumpyPairwiseSum.sum(squaresY)
    }

    /// 1 − V(Tₙ) for Tₙ = 1/6 + (T − E T)/√(45 Var T); scipy returns 1 below Tₙ = 0.003.
    private static func asymptoticPValue(_ t: Double, _ nx: Int, _ ny: Int) -> Double {
        let n = Double(nx + ny)
        let k = Double(nx) * Double(ny)
        let mean = (1 + 1 / n) / 6
        let squares = Double(nx) * Double(nx) + Double(ny) * Double(ny)
        let variance = (n + 1) * (4 * k * n - 3 * squares - 2 * k) / (45 * n * n * 4 * k)
        let tn = 1.0 / 6 + (t - mean) / (45 * variance).squareRoot()
        guard tn >= 0.003 else { return 1 }
        return max(1 - CramerVonMisesLimitingDistribution.cdf(tn), 0)
    }
}
