import DriftWatchAlerting
import DriftWatchCore
import Foundation

/// The alert center as the dashboard's alert source.
struct AlertCenterDashboardSource: DashboardAlertSource {
    let center: AlertCenter

    func activeAlerts() async throws -> [DashboardAlert] {
        try await center.alerts(state: nil).filter { $0.state == .pending || $0.state == .firing }.map { alert in
            DashboardAlert(
                name: alert.name, severity: alert.severity ?? .warning, state: alert.state,
                labels: alert.labels.values, summary: alert.annotations.summary ?? "", since: alert.startsAt,
                value: alert.value)
        }
    }

    func alertHistory(since date: Date, limit: Int) async throws -> [DashboardAlert] {
        try await center.store.alertHistory(state: nil, limit: limit).filter { $0.at >= date }.map { entry in
            let labels = (try? AlertJSON.decode([String: String].self, from: Array(entry.labels.utf8))) ?? [:]
            return DashboardAlert(
                name: labels["alertname"] ?? entry.ruleID,
                severity: labels["severity"].flatMap(AlertSeverity.init(rawValue:)) ?? .warning,
                state: AlertState(rawValue: entry.to) ?? .inactive, labels: labels, summary: "", since: entry.at,
                value: entry.value)
        }
    }

    func silences() async throws -> [DashboardSilence] {
        try await center.silences().map { silence in
            DashboardSilence(
                id: silence.id, matchers: silence.matchers.map(\.description).joined(separator: ", "),
                endsAt: silence.endsAt, createdBy: silence.createdBy, comment: silence.comment)
        }
    }
}
