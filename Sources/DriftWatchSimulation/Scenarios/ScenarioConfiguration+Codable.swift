extension ScenarioConfiguration: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, features, magnitude, rate, seed
        case startSeconds = "start_seconds"
        case durationSeconds = "duration_seconds"
        case missingRate = "missing_rate"
        case outlierRate = "outlier_rate"
        case unseenCategoryRate = "unseen_category_rate"
        case unitFactor = "unit_factor"
        case errorRate = "error_rate"
        case labelDelaySeconds = "label_delay_seconds"
        case labelDropRate = "label_drop_rate"
    }

    /// Decodes a configuration; a misspelt key, a wrong type or an unknown scenario type
    /// throws a ``SimulationConfigurationError`` naming the field, so that an API client sees
    /// which one to fix.
    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = keys.allKeys.first(where: { CodingKeys(stringValue: $0.stringValue) == nil }) {
            let known = CodingKeys.allCases.map(\.stringValue).joined(separator: ", ")
            throw SimulationConfigurationError(
                field: unknown.stringValue, message: "unknown field; expected one of \(known)")
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let typeName = try Self.decode(String.self, .type, container) else {
            throw SimulationConfigurationError(field: "type", message: "is required")
        }
        guard let type = ScenarioKind(rawValue: typeName) else {
            let known = ScenarioKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw SimulationConfigurationError(
                field: "type", message: "unknown scenario '\(typeName)'; expected one of \(known)")
        }
        self.init(
            type: type,
            features: try Self.decode([String].self, .features, container),
            magnitude: try Self.decode(Double.self, .magnitude, container),
            startSeconds: try Self.decode(Double.self, .startSeconds, container) ?? 0,
            durationSeconds: try Self.decode(Double.self, .durationSeconds, container),
            rate: try Self.decode(Double.self, .rate, container) ?? 1,
            seed: try Self.decode(UInt64.self, .seed, container) ?? 0,
            missingRate: try Self.decode(Double.self, .missingRate, container),
            outlierRate: try Self.decode(Double.self, .outlierRate, container),
            unseenCategoryRate: try Self.decode(Double.self, .unseenCategoryRate, container),
            unitFactor: try Self.decode(Double.self, .unitFactor, container),
            errorRate: try Self.decode(Double.self, .errorRate, container),
            labelDelaySeconds: try Self.decode(Double.self, .labelDelaySeconds, container),
            labelDropRate: try Self.decode(Double.self, .labelDropRate, container))
    }

    /// Encodes the fields that are set, with snake_case keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(features, forKey: .features)
        try container.encodeIfPresent(magnitude, forKey: .magnitude)
        try container.encode(startSeconds, forKey: .startSeconds)
        try container.encodeIfPresent(durationSeconds, forKey: .durationSeconds)
        try container.encode(rate, forKey: .rate)
        try container.encode(seed, forKey: .seed)
        try container.encodeIfPresent(missingRate, forKey: .missingRate)
        try container.encodeIfPresent(outlierRate, forKey: .outlierRate)
        try container.encodeIfPresent(unseenCategoryRate, forKey: .unseenCategoryRate)
        try container.encodeIfPresent(unitFactor, forKey: .unitFactor)
        try container.encodeIfPresent(errorRate, forKey: .errorRate)
        try container.encodeIfPresent(labelDelaySeconds, forKey: .labelDelaySeconds)
        try container.encodeIfPresent(labelDropRate, forKey: .labelDropRate)
    }

    /// The value under `key`, nil when absent or null; a value of the wrong type is an error
    /// naming the key.
    private static func decode<T: Decodable>(
        _ type: T.Type, _ key: CodingKeys, _ container: KeyedDecodingContainer<CodingKeys>
    ) throws(SimulationConfigurationError) -> T? {
        do {
            return try container.decodeIfPresent(type, forKey: key)
        } catch {
            throw SimulationConfigurationError(
                field: key.stringValue, message: "expected \(Self.expectation(for: type))")
        }
    }

    private static func expectation<T>(for type: T.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is [String].Type: "a list of feature names"
        case is UInt64.Type: "a non-negative integer"
        default: "a number"
        }
    }
}

/// Any key of a JSON object, to find the ones ``ScenarioConfiguration`` does not know.
private struct AnyKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
