import Foundation

/// The hypergeometric distribution: successes in `draws` draws without replacement from a
/// population of `population` items of which `successes` are successes.
///
/// Parameters follow `scipy.stats.hypergeom(M, n, N)`. The pmf is evaluated in log space
/// from `lgamma`, which keeps about 1e-10 relative accuracy for populations up to millions;
/// tails are sums of the pmf over the support.
public struct HypergeometricDistribution: Sendable, Hashable {
    /// M, the population size.
    public let population: Int
    /// n, the successes in the population.
    public let successes: Int
    /// N, the number of draws.
    public let draws: Int

    /// Creates the distribution; requires 0 ≤ successes, draws ≤ population.
    public init(population: Int, successes: Int, draws: Int) {
        precondition(population >= 0 && (0...population).contains(successes) && (0...population).contains(draws))
        self.population = population
        self.successes = successes
        self.draws = draws
    }

    /// The smallest value with positive probability.
    public var lowerBound: Int { max(0, draws - (population - successes)) }
    /// The largest value with positive probability.
    public var upperBound: Int { min(successes, draws) }

    /// P(X = k).
    public func pmf(_ k: Int) -> Double {
        guard k >= lowerBound, k <= upperBound else { return 0 }
        return exp(logPMF(k))
    }

    /// ln P(X = k) for k in the support.
    public func logPMF(_ k: Int) -> Double {
        Self.logChoose(successes, k) + Self.logChoose(population - successes, draws - k)
            - Self.logChoose(population, draws)
    }

    /// P(X ≤ k).
    public func cdf(_ k: Int) -> Double {
        if k < lowerBound { return 0 }
        if k >= upperBound { return 1 }
        return min(1, sum(lowerBound...k))
    }

    /// P(X > k).
    public func sf(_ k: Int) -> Double {
        if k < lowerBound { return 1 }
        if k >= upperBound { return 0 }
        return min(1, sum((k + 1)...upperBound))
    }

    private func sum(_ range: ClosedRange<Int>) -> Double {
        var total = 0.0
        for k in range { total += exp(logPMF(k)) }
        return total
    }

    private static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
    }
}
