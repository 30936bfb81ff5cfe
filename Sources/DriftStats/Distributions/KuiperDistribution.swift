import Foundation

/// The null distribution of Kuiper's statistic V = D⁺ + D⁻, as astropy 8.0's
/// `astropy.stats.kuiper_false_positive_probability`.
///
/// Paltani (2004) pieces it together from Stephens (1965): closed forms for V < 3/N, Stephens'
/// exact finite sum for V > 1/2 at integral N, and otherwise the asymptotic series
/// Σₘ 2(4m²z² − 1)e^(−2m²z²) − (8V/3) Σₘ m²(4m²z² − 3)e^(−2m²z²), z = V√N.
/// The formulas are evaluated with astropy's operation order and its Python and numpy
/// semantics, including results outside [0, 1].
public enum KuiperDistribution {
    /// P(V ≥ d) for effective sample size `n`, NaN where astropy raises or its arithmetic
    /// turns complex (a negative base to a fractional power, which happens for d < 1/n at
    /// non-integral n), or for d outside [0, 2].
    public static func falsePositiveProbability(_ d: Double, effectiveSize n: Double) -> Double {
        guard !d.isNaN, !n.isNaN, d >= 0, d <= 2 else { return .nan }
        if d < 2 / n {
            guard let power = pythonPower(d - 1 / n, n - 1) else { return .nan }
            return 1 - factorial(n) * power
        }
        if d < 3 / n {
            let k = -(n * d - 1) / 2
            let r = (k * k - (n * d - 2) * (n * d - 2) / 2).squareRoot()
            let (a, b) = (-k + r, -k - r)
            guard let scale = pythonPower(n, n - 2) else { return .nan }
            let numerator = pow(b, n - 1) * (1 - a) - pow(a, n - 1) * (1 - b)
            return 1 - factorial(n - 1) * numerator / scale / (b - a)
        }
        let parity = n - 2 * (n / 2).rounded(.down)
        if (d > 0.5 && parity == 0) || (d > (n - 1) / (2 * n) && parity == 1) {
            return stephensSum(d, n)
        }
        return asymptoticSeries(d, n)
    }

    /// Stephens' (1965) finite sum Σₜ C(N, t) Tₜ (1 − V − t/N)^(N−t−1) over t = 0…⌊N(1 − V)⌋,
    /// with Tₜ = yᵗ⁻³(y³N − y²t(3 − 2/N) + yt(t − 1)(3 − 2/N)/N − t(t − 1)(t − 2)/N²), y = V + t/N.
    private static func stephensSum(_ d: Double, _ n: Double) -> Double {
        let stop = (n * (1 - d)).rounded(.down) + 1
        let count = stop > 0 ? Int(stop.rounded(.up)) : 0
        let c = 3 - 2 / n
        var terms = [Double](repeating: 0, count: count)
        for index in 0..<count {
            let t = Double(index)
            let y = d + t / n
            let bracket =
                pow(y, 3) * n - y * y * t * c + y * t * (t - 1) * c / n - t * (t - 1) * (t - 2) / (n * n)
            var binomial = binomialCoefficient(n, t)
            let tail = pow(1 - d - t / n, n - t - 1)
            // C(N, t) overflows to ∞ where the tail underflows to 0; astropy zeroes the product.
            if binomial == .infinity && tail == 0 { binomial = 0 }
            terms[index] = pow(y, t - 3) * bracket * binomial * tail
        }
        return NumpyPairwiseSum.sum(terms)
    }

    /// The asymptotic series in z = V√N over m = 1, 2, … < 18.82/z, past which e^(−2m²z²)
    /// underflows.
    private static func asymptoticSeries(_ d: Double, _ n: Double) -> Double {
        let z = d * n.squareRoot()
        let z2 = z * z
        let bound = (18.82 / z - 1).rounded(.up)
        let count = bound > 0 ? Int(bound) : 0
        var first = [Double](repeating: 0, count: count)
        var second = [Double](repeating: 0, count: count)
        for index in 0..<count {
            let m2 = Double(index + 1) * Double(index + 1)
            let decay = exp(-2 * m2 * z2)
            first[index] = 2 * (4 * m2 * z2 - 1) * decay
            second[index] = m2 * (4 * m2 * z2 - 3) * decay
        }
        return NumpyPairwiseSum.sum(first) - 8 * d / 3 * NumpyPairwiseSum.sum(second)
    }

    /// Python's `x ** y` on floats: nil where Python raises (zero to a negative power,
    /// overflow) or returns a complex number (a negative base to a non-integral power).
    private static func pythonPower(_ x: Double, _ y: Double) -> Double? {
        if x == 0 && y < 0 { return nil }
        if x < 0 && y.isFinite && y != y.rounded(.towardZero) { return nil }
        let result = pow(x, y)
        return result.isInfinite && x.isFinite && y.isFinite ? nil : result
    }

    /// `scipy.special.factorial(x)` for real x: 0 below zero, Γ(x + 1) otherwise.
    private static func factorial(_ x: Double) -> Double {
        if x < 0 { return 0 }
        return x == 0 || x == 1 ? 1 : tgamma(x + 1)
    }

    /// `scipy.special.binom(n, k)` for integral 0 ≤ k ≤ n: the product formula when the
    /// smaller of k and n − k is below 20, else 1/((n + 1) B(n − k + 1, k + 1)).
    private static func binomialCoefficient(_ n: Double, _ k: Double) -> Double {
        let kx = k > n / 2 && n > 0 ? n - k : k
        if kx < 20 {
            var numerator = 1.0
            var denominator = 1.0
            for i in stride(from: 1.0, through: kx, by: 1) {
                numerator *= i + n - kx
                denominator *= i
                if abs(numerator) > 1e50 {
                    numerator /= denominator
                    denominator = 1
                }
            }
            return numerator / denominator
        }
        return 1 / (n + 1) / beta(1 + n - k, 1 + k)
    }

    /// Cephes `beta(a, b)` for a, b > 0: through Γ when all arguments are below 171.62,
    /// through log Γ above, and by its asymptotic expansion when a > 10⁶·b (xsf `cephes/beta.h`).
    private static func beta(_ a0: Double, _ b0: Double) -> Double {
        let (a, b) = a0 >= b0 ? (a0, b0) : (b0, a0)
        if a > 1e6 * b && a > 1e6 {
            // log B(a, b) ~ log Γ(b) − b log a + b(1 − b)/2a + … avoids cancelling log Γ terms.
            var r = lgamma(b) - b * log(a)
            r += b * (1 - b) / (2 * a)
            r += b * (1 - b) * (1 - 2 * b) / (12 * a * a)
            r += -b * b * (1 - b) * (1 - b) / (12 * a * a * a)
            return exp(r)
        }
        let sum = a + b
        let maxGamma = 171.624376956302725
        if sum > maxGamma || a > maxGamma {
            let logBeta = lgamma(a) + (lgamma(b) - lgamma(sum))
            return logBeta > 7.09782712893383996843e2 ? .infinity : exp(logBeta)
        }
        let reciprocal = 1 / tgamma(sum)
        let (gammaA, gammaB) = (tgamma(a), tgamma(b))
        // Multiply first by whichever factor brings the product closer to 1.
        if abs(abs(gammaA * reciprocal) - 1) > abs(abs(gammaB * reciprocal) - 1) {
            return gammaB * reciprocal * gammaA
        }
        return gammaA * reciprocal * gammaB
    }
}
