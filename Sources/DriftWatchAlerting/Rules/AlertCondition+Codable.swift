extension AlertCondition: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case threshold, adaptive, relative
        case allOf = "all_of"
        case anyOf = "any_of"
    }

    /// Decodes an object with exactly one of `threshold`, `adaptive`, `relative`, `all_of`, `any_of`.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let present = CodingKeys.allCases.filter { container.contains($0) }
        guard present.count == 1, let kind = present.first else {
            let names = CodingKeys.allCases.map(\.stringValue).joined(separator: ", ")
            let found = present.isEmpty ? "none" : present.map(\.stringValue).joined(separator: " and ")
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected exactly one of \(names); found \(found)"))
        }
        switch kind {
        case .threshold: self = .threshold(try container.decode(ThresholdCondition.self, forKey: .threshold))
        case .adaptive: self = .adaptive(try container.decode(AdaptiveCondition.self, forKey: .adaptive))
        case .relative: self = .relative(try container.decode(RelativeCondition.self, forKey: .relative))
        case .allOf: self = .allOf(try container.decode([AlertClause].self, forKey: .allOf))
        case .anyOf: self = .anyOf(try container.decode([AlertClause].self, forKey: .anyOf))
        }
    }

    /// Encodes the single-key object form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .threshold(let condition): try container.encode(condition, forKey: .threshold)
        case .adaptive(let condition): try container.encode(condition, forKey: .adaptive)
        case .relative(let condition): try container.encode(condition, forKey: .relative)
        case .allOf(let clauses): try container.encode(clauses, forKey: .allOf)
        case .anyOf(let clauses): try container.encode(clauses, forKey: .anyOf)
        }
    }
}
