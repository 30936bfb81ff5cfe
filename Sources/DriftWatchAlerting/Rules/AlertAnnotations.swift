/// The human text of an alert: what is wrong, why it matters, and what to do.
///
/// Each text may use `{{ $labels.NAME }}` (any alert label, such as `model` or `feature`) and
/// `{{ $value }}` (the value that triggered the alert); the evaluator fills them in for each alert.
///
/// ```yaml
/// annotations:
///   summary: "PSI drift on {{ $labels.feature }} ({{ $value }})"
///   runbook_url: https://runbooks.example.com/drift
///   next_steps: ["Compare the feature's histogram with the reference", "Check the upstream pipeline"]
/// ```
public struct AlertAnnotations: Sendable, Hashable, Codable {
    /// A one-line summary, used as notification titles.
    public var summary: String?
    /// A longer explanation.
    public var description: String?
    /// A link to the runbook.
    public var runbookURL: String?
    /// What the person paged should do, in order.
    public var nextSteps: [String]

    /// Creates annotations.
    public init(summary: String? = nil, description: String? = nil, runbookURL: String? = nil, nextSteps: [String] = [])
    {
        self.summary = summary
        self.description = description
        self.runbookURL = runbookURL
        self.nextSteps = nextSteps
    }

    /// The annotations as flat string pairs, for receivers (Alertmanager, webhooks) whose
    /// annotations are a string map; next steps are joined one per line.
    public var fields: [String: String] {
        var fields: [String: String] = [:]
        if let summary { fields["summary"] = summary }
        if let description { fields["description"] = description }
        if let runbookURL { fields["runbook_url"] = runbookURL }
        if !nextSteps.isEmpty { fields["next_steps"] = nextSteps.joined(separator: "\n") }
        return fields
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case summary, description
        case runbookURL = "runbook_url"
        case nextSteps = "next_steps"
    }

    /// Decodes annotations; `next_steps` is a list of strings or a single string.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        runbookURL = try container.decodeIfPresent(String.self, forKey: .runbookURL)
        if let single = try? container.decodeIfPresent(String.self, forKey: .nextSteps) {
            nextSteps = [single]
        } else {
            nextSteps = try container.decodeIfPresent([String].self, forKey: .nextSteps) ?? []
        }
    }

    /// Encodes the annotations, leaving out empty fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(summary, forKey: .summary)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(runbookURL, forKey: .runbookURL)
        if !nextSteps.isEmpty { try container.encode(nextSteps, forKey: .nextSteps) }
    }
}
