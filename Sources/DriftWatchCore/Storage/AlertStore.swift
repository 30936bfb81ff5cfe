import Foundation

/// The part of the storage port that keeps alerting state: rules managed through the API with
/// every version, the audit log, alert states with their history, silences, and the
/// notification log.
///
/// Documents (rules, alerts, silences, log entries) are stored as JSON text in the alerting module's
/// `Codable` form, so that the storage port does not depend on the alerting module.
public protocol AlertStore: Sendable {
    /// Every current rule document, by id.
    func alertRuleDocuments() async throws -> [StoredDocument]

    /// Stores a new version of a rule (`document` nil deletes it) and its audit entry in one
    /// transaction; returns the version number.
    func saveAlertRule(id: String, document: String?, change: String, actor: String, at date: Date) async throws -> Int

    /// Every stored version of a rule, oldest first.
    func alertRuleVersions(id: String) async throws -> [StoredDocument]

    /// The audit log, newest first.
    func auditLog(limit: Int) async throws -> [AuditEntry]

    /// Appends an audit entry.
    func audit(_ entry: AuditEntry) async throws

    /// Replaces the stored alert states with `alerts` (id → document) and appends
    /// `transitions` to the history, in one transaction.
    func saveAlerts(_ alerts: [StoredDocument], transitions: [AlertHistoryEntry]) async throws

    /// The stored alert states.
    func alertDocuments() async throws -> [StoredDocument]

    /// Alert history, newest first; `state` keeps only transitions into that state.
    func alertHistory(state: String?, limit: Int) async throws -> [AlertHistoryEntry]

    /// Creates or replaces a silence.
    func saveSilence(_ silence: StoredDocument) async throws

    /// Every stored silence.
    func silenceDocuments() async throws -> [StoredDocument]

    /// Replaces the stored notification log (group key → what the group was last told).
    func saveNotificationLog(_ entries: [StoredDocument]) async throws

    /// The stored notification log.
    func notificationLogDocuments() async throws -> [StoredDocument]
}

/// A JSON document with its id (and, for versioned documents, its version and time).
public struct StoredDocument: Sendable, Hashable {
    public var id: String
    public var json: String
    public var version: Int
    public var updatedAt: Date

    /// Creates a document.
    public init(id: String, json: String, version: Int = 1, updatedAt: Date = Date()) {
        self.id = id
        self.json = json
        self.version = version
        self.updatedAt = updatedAt
    }
}

/// Who changed what, when.
public struct AuditEntry: Sendable, Hashable {
    public var at: Date
    /// The API key's fingerprint, or `config` / `anonymous`.
    public var actor: String
    /// `create`, `update`, `delete`, `silence`, `expire`, …
    public var action: String
    /// What was changed: `alert_rule:<id>`, `silence:<id>`.
    public var target: String
    /// The new version, when versioned.
    public var version: Int?
    /// JSON of the new state (or `null`).
    public var details: String

    /// Creates an entry.
    public init(at: Date, actor: String, action: String, target: String, version: Int? = nil, details: String = "null")
    {
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.version = version
        self.details = details
    }
}

/// One alert state change.
public struct AlertHistoryEntry: Sendable, Hashable {
    public var ruleID: String
    /// The alert's labels as a JSON object.
    public var labels: String
    public var from: String
    public var to: String
    public var at: Date
    public var value: Double?

    /// Creates an entry.
    public init(ruleID: String, labels: String, from: String, to: String, at: Date, value: Double?) {
        self.ruleID = ruleID
        self.labels = labels
        self.from = from
        self.to = to
        self.at = at
        self.value = value
    }
}
