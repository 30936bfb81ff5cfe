/// The verdict of one drift method on one column: statistic, p-value, threshold and drift.
public struct DriftTestResult: Sendable, Hashable {
    /// The method that produced the result.
    public var method: DriftMethod
    /// The statistic, or `nil` when it is undefined for these samples (see ``reason``).
    public var statistic: Double?
    /// The p-value of a hypothesis test; `nil` for distances and undefined results.
    public var pValue: Double?
    /// The threshold the verdict used: a significance level for tests, a distance otherwise.
    public var threshold: Double
    /// Whether the method signals drift: p < threshold for tests, statistic ≥ threshold for
    /// distances. An undefined result never signals drift.
    public var drift: Bool
    /// Why the statistic is undefined, when it is.
    public var reason: String?

    /// Creates a result from an outcome, deciding drift by the method's rule.
    ///
    /// A p-value is clipped to [0, 1]: astropy's Kuiper series, for one, can step a hair
    /// outside it through rounding.
    public init(method: DriftMethod, outcome: DriftOutcome, threshold: Double) {
        self.method = method
        self.statistic = outcome.statistic.isFinite ? outcome.statistic : nil
        self.pValue = outcome.pValue.map { min(max($0, 0), 1) }
        self.threshold = threshold
        self.reason = outcome.statistic.isFinite ? nil : "the statistic is infinite"
        if method.isHypothesisTest, let p = outcome.pValue {
            drift = p < threshold
        } else {
            drift = outcome.statistic >= threshold
        }
    }

    /// Creates an undefined result with the reason it has no value.
    public init(method: DriftMethod, undefined reason: String, threshold: Double) {
        self.method = method
        self.statistic = nil
        self.pValue = nil
        self.threshold = threshold
        self.drift = false
        self.reason = reason
    }
}
