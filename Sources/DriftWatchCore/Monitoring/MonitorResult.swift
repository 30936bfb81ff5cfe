import Foundation

/// One value a monitor computed for a model over a time window: the stored time series that the
/// dashboard, `/metrics` and alerts read.
public struct MonitorResult: Sendable, Hashable {
    /// The model.
    public var modelID: String
    /// The model version the value is scoped to; empty for all versions.
    public var modelVersion: String
    /// The segment the value is scoped to, as `key:value`; empty for all traffic.
    public var segment: String
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
    /// How the value behaves on the reference (drift scores of reference chunks), when the
    /// monitor knows: the band adaptive thresholds use. Handed from the monitor to the alerts in
    /// memory; stored only inside `details` (`reference_chunks`).
    public var referenceBaseline: ChunkBaseline?

    /// Creates a result.
    public init(
        modelID: String, modelVersion: String = "", segment: String = "", metric: String, feature: String = "",
        windowStart: Date, windowEnd: Date, value: Double?,
        details: String = "{}", referenceBaseline: ChunkBaseline? = nil
    ) {
        self.modelID = modelID
        self.modelVersion = modelVersion
        self.segment = segment
        self.metric = metric
        self.feature = feature
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.value = value
        self.details = details
        self.referenceBaseline = referenceBaseline
    }
}
