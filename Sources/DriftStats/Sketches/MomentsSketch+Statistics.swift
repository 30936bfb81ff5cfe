extension MomentsSketch {
    /// The arithmetic mean (NaN when empty).
    public var mean: Double { count == 0 ? .nan : runningMean }

    /// The smallest value added, exactly (NaN when empty).
    public var minimum: Double { count == 0 ? .nan : smallest }

    /// The largest value added, exactly (NaN when empty).
    public var maximum: Double { count == 0 ? .nan : largest }

    /// The variance M₂ / (n − ddof), as ``SortedSample/variance(ddof:)`` (NaN when n ≤ ddof).
    public func variance(ddof: Int = 0) -> Double {
        count > ddof ? m2 / Double(count - ddof) : .nan
    }

    /// The sample skewness g₁ = √n · M₃ / M₂^(3/2), `scipy.stats.skew` with bias = True
    /// (NaN when empty or constant).
    public var skewness: Double {
        guard count > 0, m2 > 0 else { return .nan }
        return Double(count).squareRoot() * m3 / (m2 * m2.squareRoot())
    }

    /// The excess kurtosis g₂ = n · M₄ / M₂² − 3, `scipy.stats.kurtosis` with fisher = True and
    /// bias = True (NaN when empty or constant).
    public var kurtosis: Double {
        guard count > 0, m2 > 0 else { return .nan }
        return Double(count) * m4 / (m2 * m2) - 3
    }
}
