/// One sub-condition of an `all_of` / `any_of` condition, optionally on another metric, method or
/// feature than its rule.
///
/// Fields left out are inherited from the enclosing clause or the rule.
public struct AlertClause: Sendable, Hashable, Codable {
    /// The metric this clause reads; the rule's (or enclosing clause's) when nil.
    public var metric: String?
    /// The method its results must report in `details`; inherited when nil.
    public var method: String?
    /// The features it reads; inherited from the rule's scope when nil.
    public var feature: ScopePattern?
    /// The condition on those series.
    public var condition: AlertCondition

    /// Creates a clause.
    public init(metric: String? = nil, method: String? = nil, feature: ScopePattern? = nil, condition: AlertCondition) {
        self.metric = metric
        self.method = method
        self.feature = feature
        self.condition = condition
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case metric, method, feature, condition
    }

    /// Decodes a clause, rejecting unknown fields.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metric = try container.decodeIfPresent(String.self, forKey: .metric)
        method = try container.decodeIfPresent(String.self, forKey: .method)
        feature = try container.decodeIfPresent(ScopePattern.self, forKey: .feature)
        condition = try container.decode(AlertCondition.self, forKey: .condition)
    }
}
