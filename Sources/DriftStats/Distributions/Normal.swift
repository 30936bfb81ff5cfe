import Foundation

/// The standard normal distribution N(0, 1).
///
/// Tails use `erfc`, so `sf(8)` ≈ 6.2e-16 keeps full relative accuracy where 1 − cdf would
/// round to zero; this matches `scipy.stats.norm.sf`.
public enum StandardNormal {
    /// P(Z ≤ x).
    public static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// P(Z > x).
    public static func sf(_ x: Double) -> Double { 0.5 * erfc(x / 2.0.squareRoot()) }

    /// The two-sided tail P(|Z| ≥ |z|).
    public static func twoSidedPValue(_ z: Double) -> Double { min(1, erfc(abs(z) / 2.0.squareRoot())) }

    /// The density φ(x).
    public static func pdf(_ x: Double) -> Double { exp(-0.5 * x * x) / (2 * Double.pi).squareRoot() }
}
