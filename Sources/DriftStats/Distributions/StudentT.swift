import Foundation

/// Student's t distribution with ν degrees of freedom (ν may be fractional, as in Welch's test).
///
/// P(T > t) = ½ · I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, as `scipy.stats.t.sf` computes it.
public struct StudentTDistribution: Sendable, Hashable {
    /// The degrees of freedom, ν > 0.
    public var degreesOfFreedom: Double

    /// Creates the distribution with `degreesOfFreedom` > 0.
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "degrees of freedom must be positive")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(T > t).
    public func sf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if t.isInfinite { return t > 0 ? 0 : 1 }
        let tail = 0.5 * twoSidedPValue(t)
        return t >= 0 ? tail : 1 - tail
    }

    /// P(T ≤ t).
    public func cdf(_ t: Double) -> Double { sf(-t) }

    /// The two-sided tail P(|T| ≥ |t|).
    public func twoSidedPValue(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        let nu = degreesOfFreedom
        let t2 = t * t
        // x and y = 1 − x are each computed directly so that neither loses precision.
        return min(1, IncompleteBeta.regularized(a: nu / 2, b: 0.5, x: nu / (nu + t2), y: t2 / (nu + t2)))
    }
}
