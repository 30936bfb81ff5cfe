extension AlertRule: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, metric, method, scope, condition, severity
        case forDuration = "for"
        case keepFiringFor = "keep_firing_for"
        case labels, annotations
    }

    /// Decodes a rule. Only `id` and `condition` are required; `name` defaults to the id, `scope`
    /// to everything, `severity` to warning, `for` and `keep_firing_for` to zero. Unknown fields
    /// are an error naming the field.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? id
        metric = try container.decodeIfPresent(String.self, forKey: .metric)
        method = try container.decodeIfPresent(String.self, forKey: .method)
        scope = try container.decodeIfPresent(AlertScope.self, forKey: .scope) ?? .all
        condition = try container.decode(AlertCondition.self, forKey: .condition)
        severity = try container.decodeIfPresent(AlertSeverity.self, forKey: .severity) ?? .warning
        forDuration = try container.decodeIfPresent(AlertDuration.self, forKey: .forDuration) ?? .zero
        keepFiringFor = try container.decodeIfPresent(AlertDuration.self, forKey: .keepFiringFor) ?? .zero
        labels = try container.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]
        annotations = try container.decodeIfPresent(AlertAnnotations.self, forKey: .annotations) ?? .init()
    }

    /// Encodes every field, so that a stored rule reads back the same.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(metric, forKey: .metric)
        try container.encodeIfPresent(method, forKey: .method)
        try container.encode(scope, forKey: .scope)
        try container.encode(condition, forKey: .condition)
        try container.encode(severity, forKey: .severity)
        try container.encode(forDuration, forKey: .forDuration)
        try container.encode(keepFiringFor, forKey: .keepFiringFor)
        try container.encode(labels, forKey: .labels)
        try container.encode(annotations, forKey: .annotations)
    }
}
