import Foundation

/// The exact distribution of the two-sided Kolmogorov–Smirnov statistic Dₙ = supₓ |Fₙ(x) − F(x)|
/// for a sample of size n, `scipy.stats.kstwo`.
///
/// Follows scipy's `_kolmogn` (`scipy/stats/_ksstats.py`), which picks a method by region as
/// Simard & L'Ecuyer (2011) recommend: the Ruben–Gambino closed forms near d = 1/n and
/// d = 1 − 1/n, twice the one-sided ``smirnov(n:d:)`` for d ≥ 1/2 and in the upper tail, the
/// Durbin matrix (Marsaglia–Tsang–Wang) and Pomeranz recursions for the body at small n, and
/// the Pelz–Good expansion for large n. The CDF and the survival function use different
/// cut-offs for large n so that each keeps relative accuracy in its own tail.
public enum KolmogorovDistribution {
    /// P(Dₙ > d), as `scipy.stats.kstwo.sf(d, n)`; NaN for n < 1 or NaN d.
    public static func sf(_ d: Double, n: Int) -> Double {
        guard n >= 1, !d.isNaN else { return .nan }
        if d <= 0.5 / Double(n) { return 1 }
        if d >= 1 { return 0 }
        return kolmogn(n: n, x: d, cdf: false)
    }

    /// P(Dₙ ≤ d), as `scipy.stats.kstwo.cdf(d, n)`; NaN for n < 1 or NaN d.
    public static func cdf(_ d: Double, n: Int) -> Double {
        guard n >= 1, !d.isNaN else { return .nan }
        if d <= 0.5 / Double(n) { return 0 }
        if d >= 1 { return 1 }
        return kolmogn(n: n, x: d, cdf: true)
    }

    /// The CDF or survival function at 1/(2n) < x < 1, dispatched as scipy's `_kolmogn`.
    static func kolmogn(n: Int, x: Double, cdf: Bool) -> Double {
        let t = Double(n) * x
        if t <= 1 {
            let prob = rubenGambinoLower(n: n, t: t)
            return select(cdf: prob, sf: 1 - prob, wantCDF: cdf)
        }
        if t >= Double(n - 1) {
            let prob = 2 * pow(1 - x, Double(n))
            return select(cdf: 1 - prob, sf: prob, wantCDF: cdf)
        }
        if x >= 0.5 {
            let prob = 2 * smirnov(n: n, d: x)
            return select(cdf: 1 - prob, sf: prob, wantCDF: cdf)
        }
        let nxSquared = t * x
        if n <= 140 {
            let prob: Double
            if nxSquared <= 0.754693 {
                prob = durbin(n: n, d: x)
            } else if nxSquared <= 4 {
                prob = pomeranz(n: n, x: x)
            } else {
                let sf = 2 * smirnov(n: n, d: x)
                return select(cdf: 1 - sf, sf: sf, wantCDF: cdf)
            }
            return select(cdf: prob, sf: 1 - prob, wantCDF: cdf)
        }
        // For large n the tails need different methods: 2·smirnov is accurate for the upper
        // tail only once the two one-sided events can no longer both occur.
        if !cdf {
            if nxSquared >= 370 { return 0 }
            if nxSquared >= 2.2 { return clip(2 * smirnov(n: n, d: x)) }
        }
        let cdfProb: Double
        if nxSquared >= 18 {
            cdfProb = 1
        } else if n <= 100_000 && Double(n) * pow(x, 1.5) <= 1.4 {
            cdfProb = durbin(n: n, d: x)
        } else {
            cdfProb = pelzGood(n: n, x: x)
        }
        return select(cdf: cdfProb, sf: 1 - cdfProb, wantCDF: cdf)
    }

    /// Ruben–Gambino: P(Dₙ ≤ t/n) = n!/nⁿ · (2t − 1)ⁿ for 1/2 ≤ t ≤ 1 (zero below 1/2).
    private static func rubenGambinoLower(n: Int, t: Double) -> Double {
        if t <= 0.5 { return 0 }
        let base = 2 * t - 1
        if n <= 140 {
            var prob = 1.0
            for i in 1...n { prob *= Double(i) * (1.0 / Double(n)) * base }
            return prob
        }
        return exp(logFactorialOverPower(n) + Double(n) * log(base))
    }

    /// log(n!/nⁿ) by Stirling's series with n·log n removed up front, so nothing cancels:
    /// log(n)/2 − n + log(2π)/2 + Σⱼ B₂ⱼ / (2j(2j − 1) n²ʲ⁻¹).
    private static func logFactorialOverPower(_ n: Int) -> Double {
        let rn = 1.0 / Double(n)
        let x = rn / Double(n)
        let series = stirlingCoefficients.reduce(0.0) { $0 * x + $1 }
        return log(Double(n)) / 2 - Double(n) + log(2 * Double.pi) / 2 + rn * series
    }

    /// B₂ⱼ / (2j(2j − 1)) for j = 8 down to 1, highest power first for Horner's rule.
    private static let stirlingCoefficients = [
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
        8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ]

    /// 2¹²⁸, the rescaling step the matrix and recursion methods use against under- and
    /// overflow; scaling by a power of two is exact.
    static let scaleUp = 0x1p128
    /// 2⁻¹²⁸.
    static let scaleDown = 0x1p-128

    /// The CDF or the survival function, clipped to [0, 1].
    private static func select(cdf: Double, sf: Double, wantCDF: Bool) -> Double {
        clip(wantCDF ? cdf : sf)
    }

    /// `p` clipped to [0, 1].
    private static func clip(_ p: Double) -> Double { min(max(p, 0), 1) }
}
