import Foundation

/// Pieces of Stirling's series that keep the incomplete gamma and beta functions accurate
/// for large parameters.
///
/// Writing xᵃe⁻ˣ/Γ(a) or xᵃyᵇ/B(a, b) as `exp` of differences of `lgamma` values loses about
/// a·ε of relative accuracy (1e-11 at a = 10⁵), because the logarithms cancel. Expanding the
/// gamma functions with Stirling's series instead makes the large terms cancel analytically
/// (DiDonato & Morris, ACM TOMS 708, functions `rcomp` and `brcomp`).
enum StirlingSeries {
    /// δ(z) = ln Γ(z) − [(z − ½) ln z − z + ½ ln 2π], accurate to double precision for z ≥ 10.
    static func correction(_ z: Double) -> Double {
        let w = 1 / (z * z)
        return (1.0 / 12 + w * (-1.0 / 360 + w * (1.0 / 1260 + w * (-1.0 / 1680 + w * (1.0 / 1188))))) / z
    }

    /// t − ln(1 + t), without cancellation for small |t|. Far from 0, where t itself was
    /// computed with cancellation, `onePlusT` (the same quantity 1 + t computed directly, e.g.
    /// x/a) gives the logarithm its full relative accuracy.
    static func logOnePlusRemainder(_ t: Double, onePlusT: @autoclosure () -> Double) -> Double {
        if abs(t) > 0.6 { return t - log(onePlusT()) }
        guard abs(t) < 0.1 else { return t - log1p(t) }
        // Σ_{k≥2} (−1)ᵏ tᵏ / k
        var term = t * t
        var sum = 0.0
        var k = 2.0
        while abs(term) > 1e-18 * abs(sum) || k == 2 {
            sum += term / k
            term *= -t
            k += 1
        }
        return sum
    }

    /// ln Γ(large + small) − ln Γ(large) for large ≥ 10 and 0 < small, without cancellation.
    static func logGammaRatio(large: Double, small: Double) -> Double {
        small * log(large) + (large + small - 0.5) * log1p(small / large) - small
            + correction(large + small) - correction(large)
    }
}
