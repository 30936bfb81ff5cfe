import DriftWatchAlerting
import Foundation

/// `/alerts`: the alerts firing or pending now, what happened to alerts in the last day, and
/// the silences; or, on a server without alerting, that it is not configured.
struct AlertsPage: DashboardPage {
    let sources: DashboardSources

    /// How far back the history looks, and how many changes it lists.
    static let history: TimeInterval = 86_400
    static let historyLimit = 100

    /// One row of the page's table.
    struct Row: Sendable {
        let name: String
        let severity: String
        let severityClass: String
        let state: String
        let model: String?
        let modelHref: String?
        /// The labels besides name, severity and model, as `key=value, …`; nil without any.
        let labels: String?
        let summary: String
        let since: String
        let sinceISO: String
        let value: String
    }

    /// One silence as the table shows it.
    struct Silence: Sendable {
        let id: String
        let matchers: String
        let endsAt: String
        let endsAtISO: String
        let createdBy: String
        let comment: String
    }

    /// What the page's template shows.
    struct View: Sendable {
        let configured: Bool
        let active: [Row]
        let hasActive: Bool
        let history: [Row]
        let hasHistory: Bool
        let silences: [Silence]
        let hasSilences: Bool
        let empty: EmptyState?
    }

    func document(for request: DashboardRequest) async throws -> DashboardDocument {
        let view: View
        if let alerts = sources.alerts {
            let active = try await alerts.activeAlerts().sorted { a, b in
                if (a.state == .firing) != (b.state == .firing) { return a.state == .firing }
                if a.severity != b.severity { return a.severity > b.severity }
                return a.since < b.since
            }
            let history = try await alerts.alertHistory(
                since: request.now.addingTimeInterval(-Self.history), limit: Self.historyLimit)
            let silences = try await alerts.silences()
            view = View(
                configured: true, active: active.map(Self.row), hasActive: !active.isEmpty,
                history: history.map(Self.row), hasHistory: !history.isEmpty,
                silences: silences.map {
                    Silence(
                        id: $0.id, matchers: $0.matchers, endsAt: DashboardFormat.time($0.endsAt),
                        endsAtISO: Timestamps.format($0.endsAt), createdBy: $0.createdBy, comment: $0.comment)
                },
                hasSilences: !silences.isEmpty, empty: nil)
        } else {
            view = View(
                configured: false, active: [], hasActive: false, history: [], hasHistory: false, silences: [],
                hasSilences: false,
                empty: EmptyState(
                    heading: "Alerting is not configured",
                    text:
                        "This server evaluates no alert rules, so nothing fires here and no model is marked critical. Add alert rules and receivers to the server's configuration file (see driftwatch.example.yaml), check it, and restart:",
                    commands: ["driftwatch check-config driftwatch.yaml", "driftwatch serve --config driftwatch.yaml"]))
        }
        return DashboardDocument(
            heading: "Alerts", title: "Alerts", section: .alerts, usesWindow: false,
            body: DashboardView.render(.alerts, view))
    }

    private static func row(_ alert: DashboardAlert) -> Row {
        let labels = alert.labels.filter { $0.key != "alertname" && $0.key != "severity" && $0.key != "model" }
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return Row(
            name: alert.name, severity: alert.severity.rawValue, severityClass: Self.badge(alert.severity),
            state: alert.state.rawValue, model: alert.model,
            modelHref: alert.model.map { DashboardLinks.model($0, .overview) }, labels: labels.isEmpty ? nil : labels,
            summary: alert.summary,
            since: DashboardFormat.time(alert.since), sinceISO: Timestamps.format(alert.since),
            value: DashboardFormat.number(alert.value))
    }

    private static func badge(_ severity: AlertSeverity) -> String {
        switch severity {
        case .critical: "critical"
        case .warning: "warning"
        case .info: "unknown"
        }
    }
}
