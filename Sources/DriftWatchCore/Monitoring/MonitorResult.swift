import Foundation

/// One value a monitor computed for a model over a time window: the stored time series that the
/// dashboard, `/metrics` and alerts read.
public struct MonitorResult: Sendable, Hashable {
    /// The model.
    public var modelID: String
    /// The metric (`dataset_drift_share`, `feature_drift_score`, `accuracy`, `label_coverage`, …).
    public var metric: String
    /// The feature it is about; empty for model-level metrics.
    public var feature: String
    /// The window the value describes.
    public var windowStart: Date
    public var windowEnd: Date
    /// The value; nil when undefined for the window (with the reason in `details`).
    public var value: Double?
    /// Extra facts as compact JSON (method, p-value, verdict, reason).
    public var details: String

    /// Creates a result.
    public init(
        modelID: String, metric: String, feature: String = "", windowStart: Date, windowEnd: Date, value: Double?,
        details: String = "{}"
    ) {
        self.modelID = modelID
        self.metric = metric
        self.feature = feature
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.value = value
        self.details = details
    }
}
