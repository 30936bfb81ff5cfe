import DriftWatchAlerting
import DriftWatchCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DriftWatchServer

/// The alerts and simulations pages read the sources the server passes in, and say what to do
/// when there are none.
@Suite struct DashboardAlertsPageTests {
    static let now = Date()

    static let firing = DashboardAlert(
        name: "FeatureDrift", severity: .critical, state: .firing,
        labels: ["alertname": "FeatureDrift", "model": "fraud", "feature": "amount"],
        summary: "amount drifted: PSI 0.34", since: now.addingTimeInterval(-600), value: 0.34)
    static let pending = DashboardAlert(
        name: "HighLatency", severity: .warning, state: .pending, labels: ["model": "fraud"],
        summary: "p99 above 200 ms", since: now.addingTimeInterval(-60), value: 240)
    static let resolved = DashboardAlert(
        name: "ErrorRate", severity: .warning, state: .resolved, labels: [:], summary: "errors back below 5 %",
        since: now.addingTimeInterval(-3_600), value: 0.01)

    @Test func withoutAnAlertSourceThePageSaysAlertingIsNotConfigured() async throws {
        try await withDashboard { client, _, _ in
            let alerts = try await page(client, "/alerts")
            #expect(alerts.status == .ok)
            #expect(alerts.body.contains("Alerting is not configured"))
            #expect(alerts.body.contains("driftwatch check-config"))
            #expect(alerts.body.contains(#"<a href="/alerts" aria-current="page">Alerts</a>"#))
        }
    }

    @Test func firingAlertsHistoryAndSilencesAreListed() async throws {
        let source = FixedAlerts(
            active: [Self.pending, Self.firing], history: [Self.firing, Self.resolved],
            silenced: [
                DashboardSilence(
                    id: "s-1", matchers: #"model="fraud""#, endsAt: Self.now.addingTimeInterval(3_600),
                    createdBy: "ana", comment: "retraining <today>")
            ])
        try await withDashboard(alerts: source) { client, _, models in
            _ = try await models.declare(
                ModelDefinition(id: "fraud", task: .binary, schema: ModelSchema(), origin: .declared, createdAt: Date())
            )
            let alerts = try await page(client, "/alerts")
            #expect(alerts.status == .ok)
            let active = try #require(alerts.body.components(separatedBy: "Last 24 hours").first)
            let firingAt = try #require(active.range(of: "FeatureDrift")?.lowerBound)
            let pendingAt = try #require(active.range(of: "HighLatency")?.lowerBound)
            #expect(firingAt < pendingAt, "firing alerts come first")
            #expect(alerts.body.contains(#"<span class="badge badge-critical">critical</span>"#))
            #expect(alerts.body.contains("feature=amount"))
            #expect(alerts.body.contains(#"<a href="/models/fraud">fraud</a>"#))
            #expect(alerts.body.contains("errors back below 5 %"))
            #expect(alerts.body.contains("<code>model=&quot;fraud&quot;</code>"))
            #expect(alerts.body.contains("retraining &lt;today&gt;"))

            let models = try await page(client, "/")
            #expect(models.body.contains(#"<span class="badge badge-critical">critical</span>"#))
            #expect(models.body.contains("Critical alerts firing: FeatureDrift"))
        }
    }

    @Test func anEmptyAlertSourceSaysNothingFires() async throws {
        try await withDashboard(alerts: FixedAlerts()) { client, _, _ in
            let alerts = try await page(client, "/alerts")
            #expect(alerts.body.contains("No alert is firing or pending."))
            #expect(alerts.body.contains("No silences."))
        }
    }

    @Test func simulationsAreListedWithTheirDetections() async throws {
        try await withDashboard { client, _, _ in
            let none = try await page(client, "/simulations")
            #expect(none.status == .ok)
            #expect(none.body.contains("No simulations yet"))
            #expect(none.body.contains("driftwatch demo"))
            #expect(none.body.contains("sudden_drift"))
        }
        let run = DashboardSimulation(
            id: "sim-1", scenario: "sudden_drift", model: "fraud", state: "running",
            startedAt: Self.now.addingTimeInterval(-300),
            detections: [
                DashboardDetection(monitor: "feature_drift", delaySeconds: 125, falseAlarms: 0),
                DashboardDetection(monitor: "latency_p99", delaySeconds: nil, falseAlarms: 1),
            ])
        try await withDashboard(simulations: FixedSimulations(runs: [run])) { client, _, _ in
            let listed = try await page(client, "/simulations")
            #expect(listed.body.contains("<code>sim-1</code>"))
            #expect(listed.body.contains("detected after 2 min 5 s"))
            #expect(listed.body.contains("not detected"))
            #expect(listed.body.contains("1 false alarm"))
            #expect(listed.body.contains(#"<a href="/models/fraud">fraud</a>"#))
        }
    }
}
