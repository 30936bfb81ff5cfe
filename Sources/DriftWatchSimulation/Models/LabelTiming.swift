/// When the ground truth of a demo model's predictions becomes known.
///
/// The delay after the prediction is log-normal around `medianDelaySeconds`; a fraction
/// 1 − `coverage` of predictions never gets a label (a chargeback never filed, a customer
/// never followed up).
public struct LabelTiming: Sendable, Hashable {
    /// The median delay between a prediction and its label, in seconds.
    public var medianDelaySeconds: Double
    /// σ of the delay's logarithm.
    public var sigma: Double
    /// The fraction of predictions that get a label, in [0, 1].
    public var coverage: Double

    /// A timing.
    public init(medianDelaySeconds: Double, sigma: Double, coverage: Double) {
        self.medianDelaySeconds = medianDelaySeconds
        self.sigma = sigma
        self.coverage = coverage
    }
}
