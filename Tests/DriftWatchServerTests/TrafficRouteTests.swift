import DriftStats
import DriftWatchCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Overview, latency, segments and drift read from the profiles, through the real router and a
/// real SQLite store.
@Suite struct TrafficRouteTests {
    /// `n` events over the last 30 minutes: latency i % 200 ms, an error every 20th, two regions.
    static func body(_ n: Int, shift: Double = 0, now: Date = Date()) -> String {
        (0..<n).map { i in
            let ts = ISO8601DateFormatter().string(from: now.addingTimeInterval(-1_800 + 1_800 * Double(i) / Double(n)))
            let region = i % 5 == 0 ? "eu" : "us"
            let error = i % 20 == 0 ? #", "error": "timeout""# : ""
            return
                #"{"model_id": "m", "request_id": "r\#(i)", "ts": "\#(ts)", "y_pred_num": \#(Double(i % 10) / 10), "latency_ms": \#(i % 200), "features": {"x": \#(Double(i % 100) + shift), "c": "\#(i % 3 == 0 ? "a" : "b")"}, "segments": {"region": "\#(region)"}\#(error)}"#
        }.joined(separator: "\n")
    }

    @Test func theOverviewCountsEveryAcknowledgedEvent() async throws {
        try await withServer { client, _ in
            _ = try await post(client, "/v1/models", #"{"id": "m", "task": "regression"}"#)
            #expect(
                try await post(client, "/v1/inferences", Self.body(1_000), contentType: "application/x-ndjson").status
                    == .ok)
            let answer = try await get(client, "/v1/models/m/overview?window=1h&feature=x")
            #expect(answer.status == .ok, "\(answer.body)")
            #expect(answer.body["inferences"] as? Int == 1_000)
            #expect(answer.body["errors"] as? Int == 50)
            let latency = try #require(answer.body["latency_ms"] as? [String: Any])
            let p50 = try #require(latency["p50"] as? Double)
            #expect(abs(p50 - 99.5) <= 3, "the median of 0…199 each five times")
            let series = try #require(answer.body["series"] as? [[String: Any]])
            #expect(series.reduce(0) { $0 + ($1["inferences"] as? Int ?? 0) } == 1_000)
            #expect(answer.body["resolution"] as? String == "minute")
            let top = try #require(answer.body["top_segments"] as? [[String: Any]])
            #expect(top.first?["segment"] as? String == "region:us")
            #expect(top.first?["inferences"] as? Int == 800)
            let scatter = try #require(answer.body["scatter"] as? [String: Any])
            #expect(scatter["feature"] as? String == "x")
            let points = try #require(scatter["points"] as? [[String: Any]])
            #expect(points.count == 500)
            // Event i has x = i % 100, y = (i % 10) / 10 and region eu when i % 5 == 0: each
            // point must carry its own event's values.
            let stamps = ISO8601DateFormatter()
            stamps.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            for point in points {
                let x = try #require(point["x"] as? Double)
                #expect(point["y"] as? Double == Double(Int(x) % 10) / 10, "\(point)")
                #expect(point["segment"] as? String == (Int(x) % 5 == 0 ? "region:eu" : "region:us"), "\(point)")
                #expect((point["ts"] as? String).flatMap(stamps.date(from:)) != nil, "\(point)")
            }
        }
    }

    @Test func latencyAndSegmentsAnswerPerScope() async throws {
        try await withServer { client, _ in
            _ = try await post(client, "/v1/models", #"{"id": "m", "task": "regression"}"#)
            _ = try await post(client, "/v1/inferences", Self.body(2_000), contentType: "application/x-ndjson")
            let latency = try await get(client, "/v1/models/m/latency?window=1h&segment=region:eu")
            #expect(latency.status == .ok)
            #expect(latency.body["inferences"] as? Int == 400)
            #expect(latency.body["error_rate"] as? Double == 0.25, "every 20th event is an eu event (i % 20 == 0)")
            let segments = try await get(client, "/v1/models/m/segments?window=1h")
            let rows = try #require(segments.body["segments"] as? [[String: Any]])
            #expect(rows.map { $0["segment"] as? String } == ["region:us", "region:eu"])
            #expect(rows.map { $0["inferences"] as? Int } == [1_600, 400])
            #expect(rows.map { $0["share"] as? Double } == [0.8, 0.2])
        }
    }

    @Test func aBadScopeOrUnknownModelIsRefusedByName() async throws {
        try await withServer { client, _ in
            _ = try await post(client, "/v1/models", #"{"id": "m", "task": "regression"}"#)
            let bad = try await get(client, "/v1/models/m/overview?segment=region")
            #expect(bad.status == .badRequest)
            #expect(bad.body["field"] as? String == "segment")
            #expect(try await get(client, "/v1/models/nope/latency").status == .notFound)
            let source = try await get(client, "/v1/models/m/drift?source=disk")
            #expect(source.status == .badRequest)
            #expect(source.body["field"] as? String == "source")
        }
    }

    @Test func driftFromProfilesAgreesWithDriftFromEvents() async throws {
        try await withServer { client, _ in
            _ = try await post(client, "/v1/models", #"{"id": "m", "task": "regression"}"#)
            var csv = "x,c\n"
            for i in 0..<2_000 { csv += "\(Double(i % 100)),\(i % 3 == 0 ? "a" : "b")\n" }
            let upload = try await client.execute(
                uri: "/v1/models/m/reference", method: .post, headers: [.contentType: "text/csv"],
                body: ByteBuffer(string: csv)
            ) { $0.status }
            #expect(upload == .created)
            _ = try await post(
                client, "/v1/inferences", Self.body(3_000, shift: 30), contentType: "application/x-ndjson")
            let profiles = try await get(client, "/v1/models/m/drift?window=1h")
            let events = try await get(client, "/v1/models/m/drift?window=1h&source=events")
            #expect(profiles.status == .ok && events.status == .ok)
            #expect(profiles.body["source"] as? String == "profiles")
            #expect(profiles.body["events"] as? Int == 3_000)
            func verdicts(_ body: [String: Any]) throws -> [String: Bool] {
                let report = try #require(body["report"] as? [String: Any])
                let features = try #require(report["features"] as? [[String: Any]])
                return Dictionary(uniqueKeysWithValues: features.map { ($0["name"] as! String, $0["drift"] as! Bool) })
            }
            let a = try verdicts(profiles.body)
            #expect(a == (try verdicts(events.body)))
            #expect(a["x"] == true && a["c"] == false)
        }
    }
}
