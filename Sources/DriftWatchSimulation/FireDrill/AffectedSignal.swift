/// What a monitor can see change when a fault is injected.
public enum AffectedSignal: String, Sendable, Hashable, CaseIterable, Codable {
    /// Input feature distributions.
    case featureDrift = "feature_drift"
    /// The distribution of predictions.
    case predictionDrift = "prediction_drift"
    /// The share of missing feature values.
    case missingValues = "missing_values"
    /// The share of outlying numeric values.
    case outliers
    /// Categories absent from the reference.
    case unseenCategories = "unseen_categories"
    /// Prediction latency.
    case latency
    /// The share of failed requests.
    case errorRate = "error_rate"
    /// Accuracy, F1, RMSE and the like, once labels arrive.
    case performance
    /// How many predictions have their label yet, and how late labels come.
    case labelDelay = "label_delay"
}
