/// Binary-classification performance of an unlabelled window, estimated by
/// ``ConfidenceBasedPerformanceEstimator``.
public struct EstimatedPerformance: Sendable, Hashable, NamedMetrics {
    /// The number of rows in the window.
    public var count: Int
    /// Σ p over rows predicted positive: the expected true positives.
    public var expectedTruePositives: Double
    /// Σ (1 − p) over rows predicted positive.
    public var expectedFalsePositives: Double
    /// Σ p over rows predicted negative.
    public var expectedFalseNegatives: Double
    /// Σ (1 − p) over rows predicted negative.
    public var expectedTrueNegatives: Double
    /// Estimated accuracy, (TP + TN)/n of the expected counts.
    public var accuracy: EstimatedMetric
    /// Estimated precision, TP/(TP + FP), 0 when that is 0/0.
    public var precision: EstimatedMetric
    /// Estimated recall, TP/(TP + FN), 0 when that is 0/0.
    public var recall: EstimatedMetric
    /// Estimated F1, TP/(TP + (FP + FN)/2), 0 when that is 0/0.
    public var f1: EstimatedMetric
    /// Estimated ROC AUC.
    public var rocAUC: EstimatedMetric

    /// Every estimate under the names `accuracy, precision, recall, f1, roc_auc`.
    public var estimates: [(name: String, estimate: EstimatedMetric)] {
        [("accuracy", accuracy), ("precision", precision), ("recall", recall), ("f1", f1), ("roc_auc", rocAUC)]
    }

    /// The point estimates under the names `accuracy, precision, recall, f1, roc_auc`.
    public var results: [(name: String, result: Result<Double, UndefinedStatistic>)] {
        estimates.map { (name: $0.name, result: $0.estimate.value) }
    }
}
