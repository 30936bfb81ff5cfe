import DriftWatchAlerting
import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DriftWatchServer

/// A dashboard page as the browser gets it.
struct DashboardHTML {
    var status: HTTPResponse.Status
    var contentType: String
    var body: String

    /// The levels of the page's headings, in order (`<h1` → 1).
    var headingLevels: [Int] {
        var levels: [Int] = []
        var rest = body[...]
        while let range = rest.range(of: "<h") {
            rest = rest[range.upperBound...]
            if let digit = rest.first?.wholeNumberValue, (1...6).contains(digit) { levels.append(digit) }
        }
        return levels
    }
}

/// GETs a page and reads it as text.
func page(_ client: any TestClientProtocol, _ uri: String) async throws -> DashboardHTML {
    try await client.execute(uri: uri, method: .get) { response in
        DashboardHTML(
            status: response.status, contentType: response.headers[.contentType] ?? "",
            body: String(buffer: response.body))
    }
}

/// Runs `body` against a router with only the dashboard, over a fresh SQLite store, with the
/// given alert and simulation sources.
func withDashboard(
    alerts: (any DashboardAlertSource)? = nil, simulations: (any DashboardSimulationSource)? = nil,
    _ body: @Sendable (any TestClientProtocol, SQLiteEventStore, ModelRegistry) async throws -> Void
) async throws {
    let directory = NSTemporaryDirectory() + "driftwatch-dashboard-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try SQLiteEventStore(path: directory + "/driftwatch.sqlite")
    try await store.migrate()
    let models = ModelRegistry(store: store)
    let router = Router()
    DashboardRoutes<BasicRequestContext>(store: store, models: models, alerts: alerts, simulations: simulations)
        .add(to: router)
    try await Application(router: router).test(.router) { client in try await body(client, store, models) }
}

/// Alert state that a test sets.
struct FixedAlerts: DashboardAlertSource {
    var active: [DashboardAlert] = []
    var history: [DashboardAlert] = []
    var silenced: [DashboardSilence] = []

    func activeAlerts() async throws -> [DashboardAlert] { active }
    func alertHistory(since date: Date, limit: Int) async throws -> [DashboardAlert] {
        Array(history.filter { $0.since >= date }.prefix(limit))
    }
    func silences() async throws -> [DashboardSilence] { silenced }
}

/// Simulations that a test sets.
struct FixedSimulations: DashboardSimulationSource {
    var runs: [DashboardSimulation]
    func simulations() async throws -> [DashboardSimulation] { runs }
}

/// Through the full server: a model `m` with `TrafficRouteTests.body` traffic (features x
/// and c, regions eu and us, x shifted by 30 against the reference), a reference, labels for
/// half the events, and a few stored monitor results as the scheduled monitors write them.
func seedDashboardModel(_ client: any TestClientProtocol, _ store: SQLiteEventStore, events: Int = 1_000)
    async throws
{
    #expect(try await post(client, "/v1/models", #"{"id": "m", "task": "regression"}"#).status == .created)
    var csv = "x,c\n"
    for i in 0..<2_000 { csv += "\(Double(i % 100)),\(i % 3 == 0 ? "a" : "b")\n" }
    #expect(try await post(client, "/v1/models/m/reference", csv, contentType: "text/csv").status == .created)
    let inferences = TrafficRouteTests.body(events, shift: 30)
    #expect(try await post(client, "/v1/inferences", inferences, contentType: "application/x-ndjson").status == .ok)
    let labels = (0..<events / 2).map { #"{"model_id": "m", "request_id": "r\#($0)", "y_true_num": 0.5}"# }
        .joined(separator: "\n")
    #expect(try await post(client, "/v1/labels", labels, contentType: "application/x-ndjson").status == .ok)
    // Five rounds between the model's creation and now: its first week, so they make the
    // performance page's acceptance band.
    let model = try await get(client, "/v1/models/m").body
    let created = try #require(ISO8601DateFormatter.withFraction.date(from: model["created_at"] as? String ?? ""))
    let now = Date()
    var results: [MonitorResult] = []
    for round in 1...5 {
        let end = created.addingTimeInterval(now.timeIntervalSince(created) * Double(round) / 6)
        let start = end.addingTimeInterval(-3_600)
        func result(_ metric: String, feature: String = "", _ value: Double) -> MonitorResult {
            MonitorResult(
                modelID: "m", metric: metric, feature: feature, windowStart: start, windowEnd: end, value: value)
        }
        results += [
            result("dataset_drift_share", 0.5), result("quality_score", 0.97),
            result("rmse", 0.3 + Double(round) / 100),
            result("label_coverage", 0.5), result("feature_drift_score", feature: "x", 0.4),
            result("feature_drift_score", feature: "c", 0.01),
        ]
    }
    try await store.save(results)
}

extension ISO8601DateFormatter {
    /// Reads `2026-11-22T10:00:00.250Z`, as the API writes times.
    static var withFraction: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
