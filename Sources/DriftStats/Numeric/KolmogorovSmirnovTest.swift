import Foundation

/// The two-sample Kolmogorov–Smirnov test, as `scipy.stats.ks_2samp(reference, current)` with
/// the two-sided alternative and method "auto" (scipy 1.17).
///
/// The statistic is D = supₓ |F₁(x) − F₂(x)| over the empirical CDFs, each evaluated after all
/// values equal to x (scipy's `searchsorted(side="right")`). When both samples have at most
/// 10 000 values the p-value is exact, P(D ≥ d) counted over the lattice paths of Hodges (1958)
/// as scipy's `_attempt_exact_2kssamp` does, and D is reported as the nearest multiple h/lcm(n₁, n₂).
/// Otherwise, or when the exact count leaves [0, 1], it is `kstwo.sf(D, round(n₁n₂/(n₁ + n₂)))`
/// from ``KolmogorovDistribution``.
public enum KolmogorovSmirnovTest {
    /// Tests whether `reference` and `current` come from the same continuous distribution.
    public static func test(
        _ reference: SortedSample, _ current: SortedSample
    ) throws(UndefinedStatistic) -> DriftOutcome {
        let n1 = reference.count
        let n2 = current.count
        guard n1 > 0, n2 > 0 else { throw UndefinedStatistic("a sample is empty") }
        var d = statistic(reference.values, current.values)
        if max(n1, n2) <= maxExactSize {
            let attempt = exact(n1, n2, d)
            if let p = attempt.p { return DriftOutcome(statistic: attempt.d, pValue: p) }
            d = attempt.d
        }
        let larger = Double(max(n1, n2))
        let smaller = Double(min(n1, n2))
        let effectiveSize = (larger * smaller / (larger + smaller)).rounded(.toNearestOrEven)
        let p = KolmogorovDistribution.sf(d, n: Int(effectiveSize))
        return DriftOutcome(statistic: d, pValue: min(max(p, 0), 1))
    }

    /// The largest sample size for which scipy's "auto" method tries the exact p-value.
    private static let maxExactSize = 10_000

    /// max(D⁺, D⁻), walking both sorted samples with one pointer each.
    private static func statistic(_ a: [Double], _ b: [Double]) -> Double {
        let n1 = Double(a.count)
        let n2 = Double(b.count)
        var i = 0
        var j = 0
        var largest = -Double.infinity
        var smallest = Double.infinity
        while i < a.count || j < b.count {
            let x = min(i < a.count ? a[i] : .infinity, j < b.count ? b[j] : .infinity)
            while i < a.count && a[i] <= x { i += 1 }
            while j < b.count && b[j] <= x { j += 1 }
            let difference = Double(i) / n1 - Double(j) / n2
            largest = max(largest, difference)
            smallest = min(smallest, difference)
        }
        let minus = min(max(-smallest, 0), 1)
        return minus > largest ? minus : largest
    }

    /// The exact P(D ≥ d) with d rounded to h/lcm(n₁, n₂), or a nil p-value where scipy's
    /// `_attempt_exact_2kssamp` gives up because rounding pushed it outside [0, 1].
    private static func exact(_ n1: Int, _ n2: Int, _ d: Double) -> (d: Double, p: Double?) {
        let g = gcd(n1, n2)
        let lcm = (n1 / g) * n2
        let h = Int((d * Double(lcm)).rounded(.toNearestOrEven))
        let rounded = Double(h) * 1.0 / Double(lcm)
        if h == 0 { return (rounded, 1) }
        let p = n1 == n2 ? probabilityOutsideSquare(n1, h) : probabilityOutside(n1, n2, g, h)
        return (rounded, p >= 0 && p <= 1 ? p : nil)
    }

    /// P(D ≥ h/n) for two samples of size n, scipy's `_compute_prob_outside_square`.
    ///
    /// 2 Σₖ (−1)ᵏ⁺¹ C(2n, n − kh)/C(2n, n), evaluated as 2A₁(1 − A₂(1 − A₃(…))) with each ratio Aₖ
    /// a product of h factors so that no alternating sum cancels.
    private static func probabilityOutsideSquare(_ n: Int, _ h: Int) -> Double {
        var p = 0.0
        var k = Int((Double(n) / Double(h)).rounded(.down))
        while k >= 0 {
            var ratio = 1.0
            for j in 0..<h { ratio = Double(n - k * h - j) * ratio / Double(n + k * h + j + 1) }
            p = ratio * (1 - p)
            k -= 1
        }
        return 2 * p
    }

    /// P(D ≥ h/lcm) for sizes m ≠ n, scipy's `_compute_outer_prob_inside_method`.
    ///
    /// Hodges' inside method for lattice paths from (0, 0) to (m, n) that stay strictly inside
    /// |x/m − y/n| < h/lcm, rewritten by Viehmann (arXiv:2102.08037) to carry 1 − P directly:
    /// column by column, A(i, j) = (i·A(i − 1, j) + j·A(i, j − 1))/(i + j) over a sliding window.
    private static func probabilityOutside(_ m0: Int, _ n0: Int, _ g: Int, _ h: Int) -> Double {
        let (m, n) = m0 >= n0 ? (m0, n0) : (n0, m0)
        let mg = m / g
        let ng = n / g
        var minJ = 0
        var maxJ = min(Int((Double(h) / Double(mg)).rounded(.up)), n + 1)
        var currentLength = maxJ - minJ
        let length = min(2 * maxJ + 2, n + 1)
        var column = [Double](repeating: 1, count: length)
        for j in minJ..<maxJ { column[j] = 0 }
        return column.withUnsafeMutableBufferPointer { a -> Double in
            for i in 1...m {
                let lastMinJ = minJ
                let lastLength = currentLength
                minJ = min(max(Int((Double(ng * i - h) / Double(mg)).rounded(.down)) + 1, 0), n)
                maxJ = min(Int((Double(ng * i + h) / Double(mg)).rounded(.up)), n + 1)
                if maxJ <= minJ { return 1 }
                var value = minJ == 0 ? 0.0 : 1.0
                let shift = minJ - lastMinJ
                let di = Double(i)
                for jj in 0..<(maxJ - minJ) {
                    let j = Double(jj + minJ)
                    value = (a[jj + shift] * di + value * j) / (di + j)
                    a[jj] = value
                }
                currentLength = maxJ - minJ
                // Cells past the shrunken window lie outside the band, where a path has already
                // crossed: probability 1.
                if lastLength > currentLength {
                    for jj in currentLength..<min(lastLength, length) { a[jj] = 1 }
                }
            }
            return a[maxJ - minJ - 1]
        }
    }

    /// The greatest common divisor, by Euclid's algorithm.
    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
