/// Which series a rule looks at: patterns for the model, version, feature and segment of a
/// ``DriftWatchCore/MonitorResult``.
///
/// Every field defaults to `*`. Model-level results have an empty feature and all-traffic results
/// an empty segment; `*` matches those too, while a pattern such as `txn_*` does not.
///
/// ```yaml
/// scope: { model: fraud-*, feature: txn_* }
/// ```
public struct AlertScope: Sendable, Hashable, Codable {
    /// The model id pattern.
    public var model: ScopePattern
    /// The model version pattern (results for all versions have an empty version).
    public var version: ScopePattern
    /// The feature pattern (model-level results have an empty feature).
    public var feature: ScopePattern
    /// The segment pattern, over `key:value` (all-traffic results have an empty segment).
    public var segment: ScopePattern

    /// Creates a scope; every field left out matches everything.
    public init(
        model: ScopePattern = .any, version: ScopePattern = .any, feature: ScopePattern = .any,
        segment: ScopePattern = .any
    ) {
        self.model = model
        self.version = version
        self.feature = feature
        self.segment = segment
    }

    /// The scope that matches every series.
    public static let all = AlertScope()

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case model, version, feature, segment
    }

    /// Decodes a scope; absent fields match everything and unknown fields are an error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(CodingKeys.self)
        model = try container.decodeIfPresent(ScopePattern.self, forKey: .model) ?? .any
        version = try container.decodeIfPresent(ScopePattern.self, forKey: .version) ?? .any
        feature = try container.decodeIfPresent(ScopePattern.self, forKey: .feature) ?? .any
        segment = try container.decodeIfPresent(ScopePattern.self, forKey: .segment) ?? .any
    }
}
