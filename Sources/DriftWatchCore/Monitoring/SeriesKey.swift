/// One stored time series: the identity of a ``MonitorResult`` without its window and value.
public struct SeriesKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The model.
    public var modelID: String
    /// The model version; empty for all versions.
    public var modelVersion: String
    /// The segment as `key:value`; empty for all traffic.
    public var segment: String
    /// The metric.
    public var metric: String
    /// The feature; empty for model-level metrics.
    public var feature: String

    /// Creates a key.
    public init(modelID: String, modelVersion: String = "", segment: String = "", metric: String, feature: String = "")
    {
        self.modelID = modelID
        self.modelVersion = modelVersion
        self.segment = segment
        self.metric = metric
        self.feature = feature
    }

    /// The series a result belongs to.
    public init(_ result: MonitorResult) {
        self.init(
            modelID: result.modelID, modelVersion: result.modelVersion, segment: result.segment, metric: result.metric,
            feature: result.feature)
    }

    /// `model/version/segment/metric/feature`, with empty parts left empty.
    public var description: String { "\(modelID)/\(modelVersion)/\(segment)/\(metric)/\(feature)" }

    private enum CodingKeys: String, CodingKey {
        case modelID = "model_id"
        case modelVersion = "model_version"
        case segment, metric, feature
    }
}
