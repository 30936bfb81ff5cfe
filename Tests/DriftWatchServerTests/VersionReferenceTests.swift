import DriftStats
import DriftWatchCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DriftWatchServer

/// A model version with a reference of its own is compared with it; other versions, and all
/// traffic, with the model-wide reference. Through the real router, store and monitor runner.
@Suite struct VersionReferenceTests {
    private static func csv(_ values: [Double]) -> String { "x\n" + values.map { "\($0)\n" }.joined() }

    /// v1 serves x ~ N(0, 1) as the training data did; v2 was retrained on inputs around 3 and
    /// serves those.
    private static func traffic(at now: Date) -> String {
        let ts = Timestamps.format(now.addingTimeInterval(-600))
        let v1 = normalSample(800, mean: 0, seed: 3).enumerated().map { k, x in
            #"{"model_id": "m", "model_version": "v1", "request_id": "a\#(k)", "ts": "\#(ts)", "features": {"x": \#(x)}}"#
        }
        let v2 = normalSample(800, mean: 3, seed: 4).enumerated().map { k, x in
            #"{"model_id": "m", "model_version": "v2", "request_id": "b\#(k)", "ts": "\#(ts)", "features": {"x": \#(x)}}"#
        }
        return (v1 + v2).joined(separator: "\n")
    }

    private func delete(_ client: any TestClientProtocol, _ uri: String) async throws -> HTTPResponse.Status {
        try await client.execute(uri: uri, method: .delete) { $0.status }
    }

    private func driftOfX(_ answer: [String: Any]) throws -> Bool {
        let report = try #require(answer["report"] as? [String: Any])
        let features = try #require(report["features"] as? [[String: Any]])
        return try #require(features.first { $0["name"] as? String == "x" }?["drift"] as? Bool)
    }

    @Test func driftOfAVersionUsesItsOwnReferenceUntilItIsDeleted() async throws {
        try await withServer { client, _ in
            let wide = try await post(
                client, "/v1/models/m/reference", Self.csv(normalSample(2000, mean: 0, seed: 1)),
                contentType: "text/csv")
            #expect(wide.status == .created && wide.body["model_version"] is NSNull)
            let own = try await post(
                client, "/v1/models/m/reference?version=v2", Self.csv(normalSample(1500, mean: 3, seed: 2)),
                contentType: "text/csv")
            #expect(own.status == .created, "\(own.body)")
            #expect(own.body["model_version"] as? String == "v2" && own.body["rows"] as? Int == 1500)
            let stored = try await post(
                client, "/v1/inferences", Self.traffic(at: Date()), contentType: "application/x-ndjson")
            #expect(stored.body["accepted"] as? Int == 1600)

            let summary = try await get(client, "/v1/models/m/reference")
            #expect(summary.body["rows"] as? Int == 2000)
            #expect(summary.body["versions_with_reference"] as? [String] == ["v2"])
            #expect(try await get(client, "/v1/models/m/reference?version=v2").body["rows"] as? Int == 1500)
            let none = try await get(client, "/v1/models/m/reference?version=v9")
            #expect(none.status == .notFound)
            #expect((none.body["error"] as? String)?.contains("version v9 of model m has no reference") == true)

            let v2 = try await get(client, "/v1/models/m/drift?window=1h&version=v2")
            #expect(v2.status == .ok, "\(v2.body)")
            let v2Reference = try #require(v2.body["reference"] as? [String: Any])
            #expect(v2Reference["model_version"] as? String == "v2" && v2Reference["rows"] as? Int == 1500)
            #expect(try !driftOfX(v2.body), "v2 looks like its own training data")
            #expect(v2.body["events"] as? Int == 800)

            let v1 = try await get(client, "/v1/models/m/drift?window=1h&version=v1")
            #expect((v1.body["reference"] as? [String: Any])?["model_version"] is NSNull)
            #expect(try !driftOfX(v1.body), "v1 is compared with the model-wide reference it matches")

            let all = try await get(client, "/v1/models/m/drift?window=1h")
            #expect(try driftOfX(all.body), "half of all traffic sits around 3")

            #expect(try await delete(client, "/v1/models/m/reference?version=v2") == .noContent)
            #expect(try await delete(client, "/v1/models/m/reference?version=v2") == .notFound)
            let fallback = try await get(client, "/v1/models/m/drift?window=1h&version=v2")
            #expect((fallback.body["reference"] as? [String: Any])?["model_version"] is NSNull)
            #expect(try driftOfX(fallback.body), "without its own reference v2 is compared with the model-wide one")
            #expect(try await get(client, "/v1/models/m/reference").body["versions_with_reference"] as? [String] == [])
        }
    }

    @Test func aVersionReferenceFromAWindowTakesOnlyThatVersionsTraffic() async throws {
        try await withServer { client, _ in
            let stored = try await post(
                client, "/v1/inferences", Self.traffic(at: Date()), contentType: "application/x-ndjson")
            #expect(stored.body["accepted"] as? Int == 1600)
            let made = try await post(client, "/v1/models/m/reference/window?window=1h&version=v1", "{}")
            #expect(made.status == .created, "\(made.body)")
            #expect(made.body["rows"] as? Int == 800 && made.body["model_version"] as? String == "v1")
            let missing = try await post(client, "/v1/models/m/reference/window?window=1h&version=v7", "{}")
            #expect(missing.status == .unprocessableContent)
            #expect((missing.body["error"] as? String)?.contains("version v7 of model m has no events") == true)
            #expect(try await get(client, "/v1/models/m/reference").status == .notFound, "no model-wide one was made")

            let empty = try await post(client, "/v1/models/m/reference?version=", "[{\"x\": 1}]")
            #expect(empty.status == .badRequest && empty.body["field"] as? String == "version")
            #expect(try await get(client, "/v1/models/m/reference?version=").body["field"] as? String == "version")
        }
    }

    @Test func theMonitorChecksEachVersionAgainstItsReference() async throws {
        try await withMonitoredServer(window: 3600) { client, store, runner, _ in
            #expect(
                try await post(
                    client, "/v1/models/m/reference", Self.csv(normalSample(2000, mean: 0, seed: 1)),
                    contentType: "text/csv"
                ).status == .created)
            #expect(
                try await post(
                    client, "/v1/models/m/reference?version=v2", Self.csv(normalSample(1500, mean: 3, seed: 2)),
                    contentType: "text/csv"
                ).status == .created)
            let now = Date()
            _ = try await post(client, "/v1/inferences", Self.traffic(at: now), contentType: "application/x-ndjson")
            let results = try await runner.runOnce(now: now)

            func drifted(_ version: String) throws -> Bool {
                let score = try #require(
                    results.first {
                        $0.metric == "feature_drift_score" && $0.feature == "x" && $0.modelVersion == version
                    })
                return score.details.contains(#""drift":true"#)
            }
            #expect(try drifted(""), "all traffic against the model-wide reference")
            #expect(try !drifted("v1"))
            #expect(try !drifted("v2"), "v2 against its own reference")
            let events = results.filter { $0.metric == "events" }.map { "\($0.modelVersion)=\($0.value ?? -1)" }
            #expect(events.sorted() == ["=1600.0", "v1=800.0", "v2=800.0"])
            #expect(results.contains { $0.metric == "quality_score" && $0.modelVersion == "v2" })

            // The version series are stored and read back by version.
            let stored = try await store.results(
                modelID: "m", version: "v2", segment: "", metric: "events", feature: "", from: now - 3600,
                to: now + 1)
            #expect(stored.map(\.value) == [800])
        }
    }
}
