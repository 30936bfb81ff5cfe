import DriftWatchAlerting
import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import DriftWatchServer

/// Alert rules, alerts, silences and the audit log through the real router and SQLite.
@Suite struct AlertRouteTests {
    static let rule =
        #"{"id": "drift-share", "metric": "dataset_drift_share", "condition": {"threshold": {"op": ">", "value": 0.5}}, "severity": "critical", "annotations": {"summary": "Most features drifted"}}"#

    /// A router with an alert center over a real SQLite store in a temporary folder.
    func withAlerting(
        _ body: @Sendable (any TestClientProtocol, AlertCenter, SQLiteEventStore, String) async throws -> Void
    ) async throws {
        let directory = NSTemporaryDirectory() + "driftwatch-alerts-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/driftwatch.sqlite"
        let store = try SQLiteEventStore(path: path)
        try await store.migrate()
        let center = try #require(
            DriftWatchServer.alertCenter(
                store: store, configuration: ServerConfiguration.Alerting(), logger: Logger(label: "test")))
        let router = DriftWatchServer.router(
            store: store, limits: IngestLimits(), metrics: ServerMetrics(), models: ModelRegistry(store: store),
            alerts: center)
        try await Application(router: router).test(.router) { client in try await body(client, center, store, path) }
    }

    func send(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil,
        key: String? = nil
    ) async throws -> (status: HTTPResponse.Status, body: [String: Any]) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let key { headers[.authorization] = "Bearer \(key)" }
        return try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { response in
            (response.status, response.body.readableBytes == 0 ? [:] : try json(response.body))
        }
    }

    @Test func everyRuleChangeIsVersionedAndAuditedByKeyFingerprint() async throws {
        try await withAlerting { client, _, _, _ in
            let listed = try await send(client, .get, "/v1/alert-rules")
            let shipped = try #require(listed.body["rules"] as? [[String: Any]])
            #expect(shipped.contains { ($0["rule"] as? [String: Any])?["id"] as? String == "psi-drift-critical" })

            let created = try await send(client, .post, "/v1/alert-rules", Self.rule, key: "s3cret-key")
            #expect(created.status == .created, "\(created.body)")
            #expect(created.body["version"] as? Int == 1)
            #expect(try await send(client, .post, "/v1/alert-rules", Self.rule).status == .conflict)
            let changed = Self.rule.replacingOccurrences(of: "0.5", with: "0.6")
            let replaced = try await send(client, .put, "/v1/alert-rules/drift-share", changed, key: "other-key")
            #expect(replaced.status == .ok)
            #expect(replaced.body["version"] as? Int == 2)
            let one = try await send(client, .get, "/v1/alert-rules/drift-share")
            #expect((one.body["versions"] as? [[String: Any]])?.map { $0["version"] as? Int } == [1, 2])
            #expect(try await send(client, .delete, "/v1/alert-rules/drift-share").status == .noContent)
            #expect(try await send(client, .get, "/v1/alert-rules/drift-share").status == .notFound)
            #expect(try await send(client, .delete, "/v1/alert-rules/psi-drift-warning").status == .conflict)

            let audit = try await send(client, .get, "/v1/audit")
            let entries = try #require(audit.body["entries"] as? [[String: Any]])
            #expect(entries.map { $0["action"] as? String } == ["delete", "update", "create"])
            let actors = entries.compactMap { $0["actor"] as? String }
            #expect(actors[2].hasPrefix("key:") && actors[1].hasPrefix("key:") && actors[1] != actors[2])
            #expect(actors[0] == "anonymous")
            #expect(!"\(audit.body)".contains("s3cret-key"), "the key itself is never stored")
        }
    }

    @Test func badRulesAreRefusedNamingTheField() async throws {
        try await withAlerting { client, _, _, _ in
            let badDuration = Self.rule.replacingOccurrences(
                of: #""severity""#, with: #""for": "ten minutes", "severity""#)
            let answer = try await send(client, .post, "/v1/alert-rules", badDuration)
            #expect(answer.status == .unprocessableContent)
            #expect((answer.body["field"] as? String)?.contains("for") == true, "\(answer.body)")
            let badOperator = Self.rule.replacingOccurrences(of: #""op": ">""#, with: #""op": "=>""#)
            let second = try await send(client, .post, "/v1/alert-rules", badOperator)
            #expect(second.status == .unprocessableContent)
            #expect((second.body["field"] as? String)?.contains("op") == true, "\(second.body)")
        }
    }

    @Test func alertsFireAreSilencedAndSurviveARestart() async throws {
        try await withAlerting { client, center, store, path in
            #expect(try await send(client, .post, "/v1/alert-rules", Self.rule).status == .created)
            let now = Date()
            let drifted = MonitorResult(
                modelID: "fraud", metric: "dataset_drift_share", windowStart: now - 3600, windowEnd: now, value: 0.8)
            let transitions = try await center.evaluate(results: [drifted], at: now)
            #expect(transitions.contains { $0.ruleID == "drift-share" && $0.to == .firing })
            let firing = try await send(client, .get, "/v1/alerts?state=firing")
            let alerts = try #require(firing.body["alerts"] as? [[String: Any]])
            #expect(alerts.count == 1)
            #expect((alerts.first?["labels"] as? [String: String])?["model"] == "fraud")
            let history = try #require(firing.body["history"] as? [[String: Any]])
            #expect(history.first?["to"] as? String == "firing")

            let silence = try await send(
                client, .post, "/v1/silences",
                #"{"id": "quiet", "matchers": ["model=fraud"], "ends_at": "2099-01-01T00:00:00Z", "comment": "retraining"}"#
            )
            #expect(silence.status == .created, "\(silence.body)")
            #expect((try await send(client, .get, "/v1/silences").body["silences"] as? [Any])?.count == 1)
            #expect(try await send(client, .delete, "/v1/silences/quiet").status == .noContent)
            #expect(try await send(client, .delete, "/v1/silences/nope").status == .notFound)

            // A new center on the same database (a restart) has the same alert and silence.
            let reopened = try SQLiteEventStore(path: path)
            let restarted = AlertCenter(
                store: reopened, configuration: ServerConfiguration.Alerting(), transport: HTTPClientTransport(),
                logger: Logger(label: "test"))
            #expect(try await restarted.alerts(state: .firing).count == 1)
            #expect(try await restarted.silences().count == 1)
            // The condition stops holding: the alert resolves.
            let calm = MonitorResult(
                modelID: "fraud", metric: "dataset_drift_share", windowStart: now, windowEnd: now + 60, value: 0.1)
            let resolved = try await restarted.evaluate(results: [calm], at: now + 60)
            #expect(resolved.contains { $0.ruleID == "drift-share" && $0.to == .resolved })
            _ = store
        }
    }

    @Test func aBacktestSaysWhenARuleWouldHaveFired() async throws {
        try await withAlerting { client, _, store, _ in
            let start = Date(timeIntervalSince1970: 1_780_000_000)
            // Drift share 0.1 for 10 hours, 0.9 for the next 5, then 0.1 again.
            let history = (0..<24).map { hour in
                MonitorResult(
                    modelID: "fraud", metric: "dataset_drift_share", windowStart: start + Double(hour) * 3600,
                    windowEnd: start + Double(hour + 1) * 3600, value: (10..<15).contains(hour) ? 0.9 : 0.1)
            }
            try await store.save(history)
            try await store.save(
                ModelDefinition(
                    id: "fraud", task: .binary, schema: ModelSchema(), origin: .declared, createdAt: start,
                    updatedAt: start))
            let body = """
                {"rule": \(Self.rule), "from": "\(Timestamps.format(start))", "to": "\(Timestamps.format(start + 86_400))", "step": "1h"}
                """
            let answer = try await send(client, .post, "/v1/alert-rules/backtest", body)
            #expect(answer.status == .ok, "\(answer.body)")
            let intervals = try #require(answer.body["intervals"] as? [[String: Any]])
            #expect(intervals.count == 1)
            #expect(intervals.first?["fired_at"] as? String == Timestamps.format(start + 11 * 3600))
            #expect(intervals.first?["resolved_at"] as? String == Timestamps.format(start + 16 * 3600))
            #expect(intervals.first?["peak_value"] as? Double == 0.9)
        }
    }
}
