import Foundation

/// A time-boxed mute for the alerts its matchers select, as in Alertmanager: planned maintenance,
/// a known incident, a noisy rule being tuned.
///
/// Active from `starts_at` (inclusive) until `ends_at` (exclusive); expiring a silence early sets
/// `ends_at` to now. A silenced alert is still evaluated and still fires; only its notifications
/// are held back, and it is notified at the first group flush after the silence ends.
///
/// ```json
/// {"id": "…", "matchers": ["model=\"fraud\""], "starts_at": "2025-01-01T10:00:00Z",
///  "ends_at": "2025-01-01T12:00:00Z", "created_by": "alice", "comment": "retraining"}
/// ```
public struct Silence: Sendable, Hashable, Codable, Identifiable {
    /// Where a silence is in time.
    public enum State: String, Sendable, Hashable, Codable {
        /// It starts in the future.
        case pending
        /// It mutes now.
        case active
        /// It has ended.
        case expired
    }

    /// The identifier.
    public var id: String
    /// What it mutes: alerts matching every matcher.
    public var matchers: [LabelMatcher]
    /// When it starts.
    public var startsAt: Date
    /// When it ends.
    public var endsAt: Date
    /// Who created it.
    public var createdBy: String
    /// Why.
    public var comment: String

    /// Creates a silence; the id defaults to a new UUID.
    public init(
        id: String = UUID().uuidString.lowercased(), matchers: [LabelMatcher], startsAt: Date, endsAt: Date,
        createdBy: String, comment: String
    ) {
        self.id = id
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.createdBy = createdBy
        self.comment = comment
    }

    /// Where the silence is at `date`.
    public func state(at date: Date) -> State {
        if date < startsAt { return .pending }
        return date < endsAt ? .active : .expired
    }

    /// Whether the silence mutes an alert with these labels at `date`.
    public func mutes(_ labels: AlertLabels, at date: Date) -> Bool {
        state(at: date) == .active && matchers.matches(labels)
    }

    /// The silence ended at `date` (or unchanged if it had already ended).
    public func expired(at date: Date) -> Silence {
        var copy = self
        copy.endsAt = min(endsAt, max(date, startsAt))
        return copy
    }

    /// Every problem of the silence: no matchers, matchers that match every alert, an end not
    /// after the start, a missing author or comment.
    public func validate() -> [AlertConfigurationProblem] {
        var problems: [AlertConfigurationProblem] = []
        if matchers.isEmpty {
            problems.append(AlertConfigurationProblem(field: "matchers", message: "needs at least one matcher"))
        } else if matchers.allSatisfy({ $0.matches(value: "") }) {
            // As Alertmanager does: a silence whose matchers all accept a missing label would mute everything.
            problems.append(
                AlertConfigurationProblem(
                    field: "matchers", message: "at least one matcher must not match the empty string"))
        }
        if endsAt <= startsAt {
            problems.append(AlertConfigurationProblem(field: "ends_at", message: "must be after starts_at"))
        }
        if createdBy.trimmingWhitespace().isEmpty {
            problems.append(AlertConfigurationProblem(field: "created_by", message: "must not be empty"))
        }
        if comment.trimmingWhitespace().isEmpty {
            problems.append(AlertConfigurationProblem(field: "comment", message: "must not be empty"))
        }
        return problems
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, matchers
        case startsAt = "starts_at"
        case endsAt = "ends_at"
        case createdBy = "created_by"
        case comment
    }

    /// Decodes a silence; the id is generated when missing.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? UUID().uuidString.lowercased()
        matchers = try container.decode([LabelMatcher].self, forKey: .matchers)
        startsAt = try container.decode(Date.self, forKey: .startsAt)
        endsAt = try container.decode(Date.self, forKey: .endsAt)
        createdBy = try container.decode(String.self, forKey: .createdBy)
        comment = try container.decodeIfPresent(String.self, forKey: .comment) ?? ""
    }
}
