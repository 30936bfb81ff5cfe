import Foundation

/// The χ² distribution with k degrees of freedom.
///
/// `sf(x)` = Q(k/2, x/2), the upper regularized incomplete gamma function, as
/// `scipy.stats.chi2.sf` computes it.
public struct ChiSquaredDistribution: Sendable, Hashable {
    /// The degrees of freedom, k > 0.
    public var degreesOfFreedom: Double

    /// Creates the distribution with `degreesOfFreedom` > 0.
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "degrees of freedom must be positive")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        IncompleteGamma.lowerRegularized(degreesOfFreedom / 2, max(x, 0) / 2)
    }

    /// P(X > x).
    public func sf(_ x: Double) -> Double {
        IncompleteGamma.upperRegularized(degreesOfFreedom / 2, max(x, 0) / 2)
    }
}
