/// How long a demo model takes to answer, and how often it fails.
///
/// Latency is log-normal: `medianMilliseconds`·e^(σZ), so most requests are close to the
/// median and a few are several times slower, as real serving latency is.
public struct LatencyProfile: Sendable, Hashable {
    /// The median latency in milliseconds.
    public var medianMilliseconds: Double
    /// σ of the latency's logarithm.
    public var sigma: Double
    /// The fraction of requests that fail.
    public var errorRate: Double

    /// A profile.
    public init(medianMilliseconds: Double, sigma: Double, errorRate: Double) {
        self.medianMilliseconds = medianMilliseconds
        self.sigma = sigma
        self.errorRate = errorRate
    }
}
