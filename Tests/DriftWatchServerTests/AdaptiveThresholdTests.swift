import DriftStats
import DriftWatchAlerting
import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Logging
import Testing

@testable import DriftWatchServer

/// Adaptive thresholds (`mean ± k·std`): a drift score's band comes from scoring chunks of the
/// reference against the whole reference; other series' from their own stored history. Through
/// the real monitor runner, SQLite store and alert center.
@Suite struct AdaptiveThresholdTests {
    private static func center(_ store: SQLiteEventStore, _ rule: AlertRule) -> AlertCenter {
        var alerting = ServerConfiguration.Alerting()
        alerting.defaultRules = false
        alerting.rules = [rule]
        return AlertCenter(
            store: store, configuration: alerting, transport: NoTransport(), logger: Logger(label: "test"))
    }

    /// Refuses every request; these centers have no receivers.
    struct NoTransport: NotificationTransport {
        func send(_ request: NotificationRequest) async throws -> NotificationResponse {
            NotificationResponse(status: 500)
        }
    }

    @Test func driftScoresAreJudgedByTheirSpreadOnReferenceChunks() async throws {
        try await withMonitoredServer(window: 3600) { client, store, runner, _ in
            let x = normalSample(20_000, mean: 0, seed: 1)
            let y = normalSample(20_000, mean: 5, seed: 2)
            let csv = "x,y\n" + zip(x, y).map { "\($0),\($1)\n" }.joined()
            #expect(try await post(client, "/v1/models/m/reference", csv, contentType: "text/csv").status == .created)
            // x moves by half a standard deviation; y stays.
            let now = Date()
            let ts = Timestamps.format(now - 600)
            let events = zip(normalSample(1000, mean: 0.5, seed: 3), normalSample(1000, mean: 5, seed: 4)).enumerated()
                .map { k, pair in
                    #"{"model_id": "m", "request_id": "r\#(k)", "ts": "\#(ts)", "features": {"x": \#(pair.0), "y": \#(pair.1)}}"#
                }.joined(separator: "\n")
            _ = try await post(client, "/v1/inferences", events, contentType: "application/x-ndjson")

            let results = try await runner.runOnce(now: now)
            let scores = Dictionary(
                uniqueKeysWithValues: results.filter { $0.metric == "feature_drift_score" }.map { ($0.feature, $0) })
            for name in ["x", "y"] {
                let score = try #require(scores[name])
                let baseline = try #require(score.referenceBaseline, "\(name) has a band from the reference")
                #expect(baseline.chunks == ChunkBaselineCache.chunks && baseline.chunkSize == 1024)
                #expect(score.details.contains(#""reference_chunks":{"mean":"#))
                let stored = try await store.results(
                    modelID: "m", metric: "feature_drift_score", feature: name, from: now - 60, to: now + 1)
                #expect(stored.first?.details == score.details, "the band is stored with the score")
            }

            let center = Self.center(
                store,
                AlertRule(
                    id: "drift-band", metric: "feature_drift_score",
                    condition: .adaptive(AdaptiveCondition(k: 3, side: .above))))
            let transitions = try await center.evaluate(results: results, at: now)
            #expect(transitions.map { $0.labels.values["feature"] } == ["x"], "\(transitions)")
        }
    }

    @Test func otherSeriesAreJudgedByTheirStoredHistory() async throws {
        let directory = NSTemporaryDirectory() + "driftwatch-adaptive-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteEventStore(path: directory + "/driftwatch.sqlite")
        try await store.migrate()
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        // Ten earlier hourly windows of p95 latency around 100 ms, one stored after `now`.
        let history = [98.0, 101, 99, 102, 100, 97, 103, 100, 99, 101]
        var stored = history.enumerated().map { k, value in
            MonitorResult(
                modelID: "m", metric: "latency_p95_ms", windowStart: now - Double(11 - k) * 3600,
                windowEnd: now - Double(10 - k) * 3600, value: value)
        }
        stored.append(
            MonitorResult(
                modelID: "m", metric: "latency_p95_ms", windowStart: now, windowEnd: now + 3600, value: 500))
        try await store.save(stored)

        let series = [
            SeriesKey(modelID: "m", metric: "latency_p95_ms"),
            SeriesKey(modelID: "m", modelVersion: "v2", metric: "latency_p95_ms"),
        ]
        let statistics = try await store.resultStatistics(of: series, from: now - 7 * 86_400, to: now + 1)
        #expect(statistics.count == 2 && statistics[1] == nil)
        let expected = try #require(ResultStatistics(history))
        #expect(statistics[0] == expected, "the window after `to` is left out")

        let center = Self.center(
            store, AlertRule(id: "slow", metric: "latency_p95_ms", condition: .adaptive(AdaptiveCondition(k: 3))))
        func latest(_ value: Double) -> [MonitorResult] {
            [MonitorResult(modelID: "m", metric: "latency_p95_ms", windowStart: now, windowEnd: now + 60, value: value)]
        }
        #expect(try await center.evaluate(results: latest(103), at: now + 60).isEmpty)
        let fired = try await center.evaluate(results: latest(130), at: now + 120)
        #expect(fired.map(\.ruleID) == ["slow"])
    }
}
