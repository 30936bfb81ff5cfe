import Foundation

/// One change to a rule, for the audit trail: which version of the rule exists after the change,
/// when, by which API key, and whether it was created, updated or deleted.
///
/// A value type only; storing and numbering versions is the store's job. Versions of one rule
/// count up from 1; a deletion records the last content of the rule.
public struct AlertRuleVersion: Sendable, Hashable, Codable {
    /// What kind of change produced a version.
    public enum Change: String, Sendable, Hashable, Codable, CaseIterable {
        /// The rule was created.
        case create
        /// The rule was replaced by a new content.
        case update
        /// The rule was deleted; ``AlertRuleVersion/rule`` holds its last content.
        case delete
    }

    /// The rule's content after the change (before it, for a deletion).
    public var rule: AlertRule
    /// The version number, from 1.
    public var version: Int
    /// When the change was made.
    public var changedAt: Date
    /// The API key (its name or id, never the secret) that made the change.
    public var changedBy: String
    /// What kind of change it was.
    public var change: Change

    /// Creates a version record.
    public init(rule: AlertRule, version: Int, changedAt: Date, changedBy: String, change: Change) {
        self.rule = rule
        self.version = version
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.change = change
    }

    /// The id of the rule the version belongs to.
    public var ruleID: String { rule.id }

    /// The record of the next change to the same rule: version number one higher.
    public func next(_ rule: AlertRule, change: Change, at date: Date, by key: String) -> AlertRuleVersion {
        AlertRuleVersion(rule: rule, version: version + 1, changedAt: date, changedBy: key, change: change)
    }

    private enum CodingKeys: String, CodingKey {
        case rule, version
        case changedAt = "changed_at"
        case changedBy = "changed_by"
        case change
    }
}
