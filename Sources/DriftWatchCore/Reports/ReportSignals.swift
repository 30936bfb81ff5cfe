import Foundation

/// What a model report found, reduced to the facts the recommendation rules read: plain
/// values, so that the rules are tested without a store or a server.
///
/// ```swift
/// var signals = ReportSignals()
/// signals.drifted = [.init(name: "amount", method: "psi", score: 0.42, pValue: nil)]
/// let advice = Recommendations.make(signals)
/// ```
public struct ReportSignals: Sendable, Hashable {
    /// A feature whose drift test flagged drift in the window.
    public struct DriftedFeature: Sendable, Hashable {
        public var name: String
        /// The test that flagged it (`psi`, `ks`, `chi_square`, …).
        public var method: String
        public var score: Double?
        public var pValue: Double?

        public init(name: String, method: String, score: Double?, pValue: Double?) {
            self.name = name
            self.method = method
            self.score = score
            self.pValue = pValue
        }
    }

    /// One feature's data quality in the window.
    public struct FeatureQuality: Sendable, Hashable {
        public var name: String
        /// Share of missing values now: the latest stored missing rate, else the window's.
        public var missingRate: Double
        /// The missing rate it is compared with: earlier in the window, else the reference's;
        /// nil when neither is known.
        public var baselineMissingRate: Double?
        /// Share of present numbers outside the reference's range.
        public var outOfRangeRate: Double
        /// Share of present categories the reference never had.
        public var unseenRate: Double

        public init(
            name: String, missingRate: Double, baselineMissingRate: Double? = nil, outOfRangeRate: Double = 0,
            unseenRate: Double = 0
        ) {
            self.name = name
            self.missingRate = missingRate
            self.baselineMissingRate = baselineMissingRate
            self.outOfRangeRate = outOfRangeRate
            self.unseenRate = unseenRate
        }
    }

    /// The headline performance metric.
    public struct Performance: Sendable, Hashable {
        /// `accuracy`, `rmse`, or `estimated_accuracy` when there are no labels.
        public var metric: String
        /// The latest value of the series (its last bucket).
        public var current: Double?
        public var threshold: Double
        public var forecast: TrendForecast
        /// Estimated minus realized accuracy, the mean over the window; nil when not stored.
        public var estimatedGap: Double?

        public init(metric: String, current: Double?, threshold: Double, forecast: TrendForecast, estimatedGap: Double?)
        {
            self.metric = metric
            self.current = current
            self.threshold = threshold
            self.forecast = forecast
            self.estimatedGap = estimatedGap
        }
    }

    /// Drifted features, in any order.
    public var drifted: [DriftedFeature] = []
    public var quality: [FeatureQuality] = []
    /// Nil when the model has no performance series.
    public var performance: Performance?
    /// Milliseconds.
    public var latencyP99: Double?
    public var errorRate: Double?
    /// The alerts of the model pending or firing now, each as "name (feature)".
    public var firingAlerts: [String] = []

    public init(
        drifted: [DriftedFeature] = [], quality: [FeatureQuality] = [], performance: Performance? = nil,
        latencyP99: Double? = nil, errorRate: Double? = nil, firingAlerts: [String] = []
    ) {
        self.drifted = drifted
        self.quality = quality
        self.performance = performance
        self.latencyP99 = latencyP99
        self.errorRate = errorRate
        self.firingAlerts = firingAlerts
    }
}
