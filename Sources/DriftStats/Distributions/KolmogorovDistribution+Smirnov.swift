import Foundation

extension KolmogorovDistribution {
    /// The one-sided Kolmogorov–Smirnov survival function P(Dₙ⁺ ≥ d), `scipy.special.smirnov`.
    ///
    /// Smirnov's and Birnbaum–Tingey's sum
    /// P(Dₙ⁺ ≥ d) = d · Σ_{v=0}^{⌊n(1−d)⌋} C(n, v) (d + v/n)^(v−1) (1 − d − v/n)^(n−v),
    /// or for small d one minus the same sum over the few upper terms, ported from xsf's
    /// `cephes/kolmogorov.h` (`_smirnov`, after van Mulbregt, arXiv:1802.06966) with its
    /// double-double arithmetic, closed forms for d ≤ 1/n and d ≥ 1 − 1/n, and the
    /// exp(−(6nd + 1)²/18n) approximation for n > 10⁶. NaN unless n ≥ 1 and 0 ≤ d ≤ 1.
    public static func smirnov(n: Int, d x: Double) -> Double {
        guard n > 0, x >= 0, x <= 1 else { return .nan }
        if n == 1 { return 1 - x }
        if x == 0 { return 1 }
        if x == 1 { return 0 }
        let (nxFloor, alpha) = floorAndFraction(n: n, x: x)
        var lastLowerTerm = n - nxFloor - (alpha == 0 ? 0 : 1)
        var firstUpperTerm = n - nxFloor
        // At alpha = 0 the boundary term is zero; leave it out of both sums.
        if alpha == 0 {
            lastLowerTerm -= 1
            firstUpperTerm += 1
        }
        if nxFloor == 0 || (nxFloor == 1 && alpha == 0) {
            // d ≤ 1/n: only the v = n term of the upper sum, P(Dₙ⁺ < d) = d(1 + d)ⁿ⁻¹.
            return 1 - x * (DoubleDouble(1) + x).power(n - 1).hi
        }
        if Double(-2 * n) * x * x < minLog { return 0 }
        if nxFloor >= n - 1 { return (DoubleDouble(1) - x).power(n).hi }
        if n > 1_000_000 {
            let logP = -pow(6.0 * Double(n) * x + 1, 2) / 18.0 / Double(n)
            // The smaller of the two tails is computed directly.
            if logP < -M_LN2 { return exp(logP) }
            let cdf = -expm1(logP)
            return 1 - cdf
        }
        let upperTermCount = n - firstUpperTerm + 1
        // The upper sum alternates in sign, losing about 1.6 bits per term, so xsf takes it
        // only when it has very few terms.
        let useUpperSum =
            (upperTermCount <= 1 && x < 0.5)
            || (n >= 10 && upperTermCount <= 3 && x <= 0.5 / Double(n).squareRoot())
        let sf: Double
        if useUpperSum {
            let first = (DoubleDouble(1) + x).power(n - 1)
            let sum = termSum(n: n, x: x, first: first, start: n, step: -1, count: upperTermCount)
            sf = 1 - (x * sum).hi
        } else {
            let first = (DoubleDouble(1) - x).power(n) / x
            let sum = termSum(n: n, x: x, first: first, start: 0, step: 1, count: lastLowerTerm + 1)
            sf = (x * sum).hi
        }
        return min(max(sf, 0), 1)
    }

    /// log(2⁻¹⁰⁷⁵), below which `exp` underflows to zero (cephes `MINLOG`).
    private static let minLog = -7.451332191019412076235245305675398106812e2

    /// ⌊n·x⌋ and the fractional part n·x − ⌊n·x⌋, from the exact product; a fraction that
    /// rounds to 1 counts as an integer, as xsf's `modNX` decides.
    private static func floorAndFraction(n: Int, x: Double) -> (floor: Int, fraction: Double) {
        let product = Double(n) * DoubleDouble(x)
        let floor = product.floor
        let fraction = (product - floor).hi
        return fraction == 1 ? (Int(floor.hi) + 1, 0) : (Int(floor.hi), fraction)
    }

    /// Σ Aᵥ for v = start, start + step, …, `count` terms with `first` = A_start, stopping
    /// once the remaining terms cannot change the sum in double precision.
    private static func termSum(
        n: Int, x: Double, first: DoubleDouble, start: Int, step: Int, count: Int
    ) -> DoubleDouble {
        var sum = first
        // C(n, v) overflows a double for large n, so it is kept as mantissa · 2^exponent.
        var binomial = (mantissa: DoubleDouble(1), exponent: 0)
        advance(&binomial, n: n, j: 0)
        var j = 1
        while j < count {
            let v = start + j * step
            let term = self.term(n: n, x: x, v: v, binomial: binomial)
            if term.hi.isFinite && !term.isZero { sum = sum + term }
            if !term.isZero {
                let remaining = 4 * Double(count - j) * abs(term.hi)
                if remaining < Double.ulpOfOne * sum.hi && j != count - 1 { break }
            } else if j > n / 2 {
                break
            }
            advance(&binomial, n: n, j: j)
            j += 1
        }
        return sum
    }

    /// C(n, j + 1) from C(n, j), renormalizing the mantissa to [0.5, 1).
    private static func advance(
        _ binomial: inout (mantissa: DoubleDouble, exponent: Int), n: Int, j: Int
    ) {
        let ratio = DoubleDouble(Double(n - j)) / (Double(j) + 1)
        let (mantissa, exponent) = (binomial.mantissa * ratio).frexp
        binomial = (mantissa, binomial.exponent + exponent)
    }

    /// Aᵥ = C(n, v) (1 − x − v/n)^(n−v) (x + v/n)^(v−1), assembled from scaled powers.
    private static func term(
        n: Int, x: Double, v: Int, binomial: (mantissa: DoubleDouble, exponent: Int)
    ) -> DoubleDouble {
        let low = (DoubleDouble(Double(n - v)) / Double(n) - x).scaledPower(n - v)
        let high = (DoubleDouble(Double(v)) / Double(n) + x).scaledPower(v - 1)
        let product = high.mantissa * low.mantissa * binomial.mantissa
        return product.scaled(by: binomial.exponent + high.exponent + low.exponent)
    }
}
