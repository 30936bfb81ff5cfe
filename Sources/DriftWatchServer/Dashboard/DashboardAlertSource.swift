import DriftWatchAlerting
import Foundation

/// Where the dashboard reads alert state from: the alerts that are pending or firing, what
/// happened to alerts recently, and the silences. The server's alert engine conforms to it; a
/// server without alerting passes none, and the alerts page says so.
///
/// ```swift
/// struct Alerts: DashboardAlertSource {
///     func activeAlerts() async throws -> [DashboardAlert] { [] }
///     func alertHistory(since date: Date, limit: Int) async throws -> [DashboardAlert] { [] }
///     func silences() async throws -> [DashboardSilence] { [] }
/// }
/// ```
public protocol DashboardAlertSource: Sendable {
    /// The alerts pending or firing now.
    func activeAlerts() async throws -> [DashboardAlert]

    /// Alerts that changed state at or after `date` (each as it was after the change), newest
    /// first, at most `limit`.
    func alertHistory(since date: Date, limit: Int) async throws -> [DashboardAlert]

    /// The silences that are active or scheduled.
    func silences() async throws -> [DashboardSilence]
}

/// One alert as the dashboard shows it.
///
/// ```swift
/// DashboardAlert(
///     name: "FeatureDrift", severity: .critical, state: .firing, labels: ["model": "fraud", "feature": "amount"],
///     summary: "amount drifted (PSI 0.34)", since: firedAt, value: 0.34)
/// ```
public struct DashboardAlert: Sendable, Hashable {
    /// The alert's name (its rule's name).
    public var name: String
    /// How urgent it is.
    public var severity: AlertSeverity
    /// Pending, firing or resolved.
    public var state: AlertState
    /// Its labels; `model` ties the alert to a model's health badge.
    public var labels: [String: String]
    /// One line on what is wrong.
    public var summary: String
    /// When it entered ``state``.
    public var since: Date
    /// The latest value of the series behind it.
    public var value: Double?

    /// Creates an alert.
    public init(
        name: String, severity: AlertSeverity, state: AlertState, labels: [String: String], summary: String,
        since: Date, value: Double?
    ) {
        self.name = name
        self.severity = severity
        self.state = state
        self.labels = labels
        self.summary = summary
        self.since = since
        self.value = value
    }

    /// The model the alert is about, from its `model` label.
    public var model: String? { labels["model"].flatMap { $0.isEmpty ? nil : $0 } }
}

/// A silence as the dashboard shows it.
///
/// ```swift
/// DashboardSilence(id: "s-1", matchers: #"model="fraud""#, endsAt: tomorrow, createdBy: "ana", comment: "retraining")
/// ```
public struct DashboardSilence: Sendable, Hashable {
    /// The silence's id.
    public var id: String
    /// Its label matchers in their written form, e.g. `model="fraud", severity=~"warning|info"`.
    public var matchers: String
    /// When it stops muting.
    public var endsAt: Date
    /// Who created it.
    public var createdBy: String
    /// Why.
    public var comment: String

    /// Creates a silence.
    public init(id: String, matchers: String, endsAt: Date, createdBy: String, comment: String) {
        self.id = id
        self.matchers = matchers
        self.endsAt = endsAt
        self.createdBy = createdBy
        self.comment = comment
    }
}
