extension Route: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case receiver, matchers
        case groupBy = "group_by"
        case groupWait = "group_wait"
        case groupInterval = "group_interval"
        case repeatInterval = "repeat_interval"
        case continueMatching = "continue"
        case routes
    }

    /// Decodes a route node; unknown fields are an error naming the field.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        receiver = try container.decodeIfPresent(String.self, forKey: .receiver)
        matchers = try container.decodeIfPresent([LabelMatcher].self, forKey: .matchers) ?? []
        groupBy = try container.decodeIfPresent([String].self, forKey: .groupBy)
        groupWait = try container.decodeIfPresent(AlertDuration.self, forKey: .groupWait)
        groupInterval = try container.decodeIfPresent(AlertDuration.self, forKey: .groupInterval)
        repeatInterval = try container.decodeIfPresent(AlertDuration.self, forKey: .repeatInterval)
        continueMatching = try container.decodeIfPresent(Bool.self, forKey: .continueMatching) ?? false
        routes = try container.decodeIfPresent([Route].self, forKey: .routes) ?? []
    }

    /// Encodes the fields that are set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(receiver, forKey: .receiver)
        if !matchers.isEmpty { try container.encode(matchers, forKey: .matchers) }
        try container.encodeIfPresent(groupBy, forKey: .groupBy)
        try container.encodeIfPresent(groupWait, forKey: .groupWait)
        try container.encodeIfPresent(groupInterval, forKey: .groupInterval)
        try container.encodeIfPresent(repeatInterval, forKey: .repeatInterval)
        if continueMatching { try container.encode(true, forKey: .continueMatching) }
        if !routes.isEmpty { try container.encode(routes, forKey: .routes) }
    }
}
