import Foundation

/// The Epps–Singleton test on the empirical characteristic function.
///
/// Agrees with `scipy.stats.epps_singleton_2samp(reference, current)` in scipy 1.17 with
/// t = (0.4, 0.8). The points are rescaled by the semi-interquartile range σ of the pooled
/// sample (linear quantiles), tⱼ/σ; each observation maps to
/// g(x) = (cos(t₁x/σ), cos(t₂x/σ), sin(t₁x/σ), sin(t₂x/σ)). With Ŝₓ, Ŝᵧ the biased covariance
/// matrices of g per sample and N = n + m, W = N·ḡᵀ Σ⁺ ḡ for ḡ = mean gₓ − mean gᵧ and
/// Σ = (N/n)Ŝₓ + (N/m)Ŝᵧ (Epps and Singleton 1986), multiplied by
/// 1/(1 + N^(−0.45) + 10.1(n^(−1.7) + m^(−1.7))) when both samples are smaller than 25.
/// W is referred to χ² with rank(Σ⁺) degrees of freedom: 4 unless Σ is singular.
public enum EppsSingletonTest {
    /// W and its p-value.
    public static func test(_ reference: SortedSample, _ current: SortedSample)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        let nx = reference.count
        let ny = current.count
        guard nx >= 5, ny >= 5 else {
            throw UndefinedStatistic("needs at least 5 values in each sample")
        }
        let ranks = MergedRanks(reference, current)
        let n = nx + ny
        let sigma = (linearQuantile(ranks, 0.75, count: n) - linearQuantile(ranks, 0.25, count: n)) / 2
        guard sigma > 0 else { throw UndefinedStatistic("the interquartile range is zero") }
        let points = [0.4 / sigma, 0.8 / sigma]
        let (meanX, covarianceX) = characteristicMoments(reference.values, points)
        let (meanY, covarianceY) = characteristicMoments(current.values, points)
        let weightX = Double(n) / Double(nx)
        let weightY = Double(n) / Double(ny)
        let covariance = zip(covarianceX, covarianceY).map { rowX, rowY in
            zip(rowX, rowY).map { weightX * $0 + weightY * $1 }
        }
        guard covariance.joined().allSatisfy(\.isFinite) else {
            throw UndefinedStatistic("the characteristic function overflows")
        }
        let difference = zip(meanX, meanY).map { $0 - $1 }
        let (form, rank) = EppsSingletonQuadraticForm.evaluate(covariance, difference)
        // scipy refers W to χ² with 0 degrees of freedom here, which yields NaN.
        guard rank > 0 else {
            throw UndefinedStatistic("the characteristic function is constant within each sample")
        }
        var w = Double(n) * form
        if max(nx, ny) < 25 {
            let correction =
                1.0 + pow(Double(n), -0.45) + 10.1 * (pow(Double(nx), -1.7) + pow(Double(ny), -1.7))
            w *= 1.0 / correction
        }
        return DriftOutcome(
            statistic: w, pValue: ChiSquaredDistribution(degreesOfFreedom: Double(rank)).sf(w))
    }

    /// The p-quantile of the pooled sample by linear interpolation (Hyndman and Fan's type 7),
    /// in the arithmetic of `scipy.stats.quantile(method="linear")`: position pN + 1 − p,
    /// counted from 1. With N ≥ 10 both neighbours lie inside the sample.
    private static func linearQuantile(_ ranks: MergedRanks, _ p: Double, count: Int) -> Double {
        let position = p * Double(count) + (1 - p)
        let upper = Int(position.rounded(.down))
        let fraction = position.truncatingRemainder(dividingBy: 1)
        let below = ranks.pooledValue(at: upper - 1)
        let above = ranks.pooledValue(at: upper)
        return (1 - fraction) * below + fraction * above
    }

    /// The mean of g over a sample and its biased covariance matrix, as `numpy.cov` forms it
    /// (centred rows, times 1/(n − 1)) and scipy rescales it by (n − 1)/n.
    private static func characteristicMoments(_ values: [Double], _ points: [Double])
        -> (mean: [Double], covariance: [[Double]])
    {
        let rows =
            points.map { point in values.map { cos(point * $0) } }
            + points.map { point in values.map { sin(point * $0) } }
        let means = rows.map(NumpyPairwiseSum.mean)
        let centred = zip(rows, means).map { row, mean in row.map { $0 - mean } }
        let n = Double(values.count)
        var products = [Double](repeating: 0, count: values.count)
        var covariance = [[Double]](
            repeating: [Double](repeating: 0, count: rows.count), count: rows.count)
        for i in rows.indices {
            for j in i..<rows.count {
                for k in products.indices { products[k] = centred[i][k] * centred[j][k] }
                let entry = NumpyPairwiseSum.sum(products) * (1 / (n - 1)) * (n - 1) / n
                covariance[i][j] = entry
                covariance[j][i] = entry
            }
        }
        return (means, covariance)
    }
}
