/// River's `stats.Mean`: mₙ = mₙ₋₁ + (1/n)(xₙ − mₙ₋₁) (West 1979).
///
/// The binary detectors' thresholds are compared with `>=` on these means, so the update is
/// written in River's operation order to round identically.
struct RunningMean: Sendable {
    /// The number of values seen, as a Double like River's weight sum.
    private(set) var count = 0.0
    /// The mean of the values seen (0 before any).
    private(set) var mean = 0.0

    /// Adds one value.
    mutating func update(_ x: Double) {
        count += 1
        mean += (1 / count) * (x - mean)
    }
}
