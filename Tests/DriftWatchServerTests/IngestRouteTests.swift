import DriftWatchCore
import DriftWatchSQLite
import DriftWatchServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The ingest routes driven through the real router on a real SQLite database.
@Suite struct IngestRouteTests {
    @Test func batchStoresGoodRowsAndNamesTheBadOnes() async throws {
        try await withServer { client, store in
            let body = """
                [{"model_id": "fraud", "request_id": "r1", "y_pred_num": 0.9, "latency_ms": 12,
                  "features": {"amount": 120.5, "country": "DE", "score": "NaN", "ratio": null},
                  "segments": {"region": "eu"}},
                 {"model_id": "fraud", "request_id": "r2", "latency_ms": "fast"},
                 {"request_id": "r3"},
                 {"model_id": "fraud", "features": {"x": 1}}]
                """
            try await client.execute(
                uri: "/v1/inferences", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .ok)
                let result = try json(response.body)
                #expect(result["accepted"] as? Int == 2)
                let rejected = try #require(result["rejected"] as? [[String: Any]])
                #expect(rejected.count == 2)
                #expect(rejected[0]["index"] as? Int == 1)
                #expect(rejected[0]["field"] as? String == "latency_ms")
                #expect(rejected[1]["index"] as? Int == 2)
                #expect(rejected[1]["field"] as? String == "model_id")
                let ids = try #require(result["request_ids"] as? [String])
                #expect(ids.first == "r1")
                #expect(ids.count == 2 && !ids[1].isEmpty, "a missing request_id is generated and returned")
            }
            let stored = try #require(try await store.event(modelID: "fraud", requestID: "r1"))
            #expect(stored.inference.features["amount"] == .number(120.5))
            #expect(stored.inference.features["country"] == .text("DE"))
            #expect(stored.inference.features["score"] == .missing)
            #expect(stored.inference.features["ratio"] == .missing)
            #expect(stored.inference.segments == ["region": "eu"])
            #expect(try await store.inferenceCount(modelID: "fraud") == 2)
        }
    }

    @Test func resendingDoesNotDoubleCountAndLabelsJoinEitherWay() async throws {
        try await withServer { client, store in
            let label = #"{"model_id": "m", "request_id": "a", "y_true_num": 1}"#
            try await client.execute(uri: "/v1/labels", method: .post, body: ByteBuffer(string: label)) { response in
                #expect(response.status == .ok)
            }
            let event = #"{"model_id": "m", "request_id": "a", "y_pred_num": 1, "ts": "2026-11-01T10:00:00Z"}"#
            for _ in 0..<2 {
                try await client.execute(uri: "/v1/inferences", method: .post, body: ByteBuffer(string: event)) { _ in }
            }
            #expect(try await store.inferenceCount(modelID: "m") == 1)
            try await client.execute(uri: "/v1/models/m/events/a", method: .get) { response in
                #expect(response.status == .ok)
                let result = try json(response.body)
                let joined = try #require(result["label"] as? [String: Any])
                #expect(joined["y_true_num"] as? Double == 1)
                #expect(result["ts"] as? String == "2026-11-01T10:00:00.000Z")
            }
            try await client.execute(uri: "/v1/models/m/events/zzz", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func ndjsonBodies() async throws {
        try await withServer { client, store in
            let lines = (0..<50).map { #"{"model_id": "n", "request_id": "q\#($0)", "y_pred_num": \#($0)}"# }
            try await client.execute(
                uri: "/v1/inferences", method: .post, headers: [.contentType: "application/x-ndjson"],
                body: ByteBuffer(string: lines.joined(separator: "\n") + "\n")
            ) { response in
                #expect(response.status == .ok)
                let result = try json(response.body)
                #expect(result["accepted"] as? Int == 50)
            }
            #expect(try await store.inferenceCount(modelID: "n") == 50)
        }
    }

    @Test func malformedAndOversizedBodiesGetClearErrors() async throws {
        try await withServer(limits: IngestLimits(maxBodyBytes: 1000, maxFeatures: 2)) { client, _ in
            try await client.execute(uri: "/v1/inferences", method: .post, body: ByteBuffer(string: "{nope")) {
                response in
                #expect(response.status == .badRequest)
                let message = try json(response.body)["error"] as? String
                #expect(message?.contains("not valid JSON") == true)
            }
            let big = #"{"model_id": "m", "error": "\#(String(repeating: "x", count: 2000))"}"#
            try await client.execute(uri: "/v1/inferences", method: .post, body: ByteBuffer(string: big)) { response in
                #expect(response.status == .contentTooLarge)
            }
            let wide = #"{"model_id": "m", "features": {"a": 1, "b": 2, "c": 3}}"#
            try await client.execute(uri: "/v1/inferences", method: .post, body: ByteBuffer(string: wide)) { response in
                #expect(response.status == .unprocessableContent)
                let rejected = try #require(try json(response.body)["rejected"] as? [[String: Any]])
                #expect(rejected.first?["field"] as? String == "features")
            }
        }
    }

    @Test func olderStacksPredictPathLogsOnTheDefaultModel() async throws {
        try await withServer { client, store in
            let body = #"{"features": {"age": 41, "plan": "pro"}, "prediction": 0.82, "ground_truth": 1}"#
            var requestID = ""
            try await client.execute(uri: "/monitor/predict", method: .post, body: ByteBuffer(string: body)) {
                response in
                #expect(response.status == .ok)
                let result = try json(response.body)
                #expect(result["model_id"] as? String == "default")
                requestID = result["request_id"] as? String ?? ""
            }
            let stored = try #require(try await store.event(modelID: "default", requestID: requestID))
            #expect(stored.inference.predictionNumber == 0.82)
            #expect(stored.inference.features["plan"] == .text("pro"))
            #expect(stored.label?.truthNumber == 1)
            try await client.execute(
                uri: "/monitor/predict", method: .post, body: ByteBuffer(string: #"{"prediction": [1]}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }

    @Test func metricsCountPredictionsRequestsAndRejections() async throws {
        try await withServer { client, _ in
            let body = """
                [{"model_id": "fraud", "request_id": "a", "latency_ms": 12},
                 {"model_id": "fraud", "request_id": "b", "latency_ms": 250},
                 {"model_id": "fraud", "request_id": "a"},
                 {"model_id": "fraud", "features": {"x": [1]}}]
                """
            try await client.execute(uri: "/v1/inferences", method: .post, body: ByteBuffer(string: body)) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#"ml_predictions_total{model_id="fraud"} 2"#), "duplicates are not counted")
                #expect(text.contains(#"ml_prediction_latency_seconds_count{model_id="fraud"} 2"#))
                #expect(text.contains(#"ml_prediction_latency_seconds_bucket{model_id="fraud",le="0.025"} 1"#))
                #expect(text.contains(#"ml_ingest_rejected_rows_total{field="features"} 1"#))
                #expect(text.contains(#"ml_api_requests_total{method="POST",path="/v1/inferences",status="200"} 1"#))
                #expect(text.contains("ml_ingest_pending_events 0"))
            }
        }
    }

    @Test func healthReportsEachComponent() async throws {
        try await withServer { client, store in
            let event = #"{"model_id": "h", "request_id": "1", "ts": "2026-11-01T10:00:00.250Z"}"#
            try await client.execute(uri: "/v1/inferences", method: .post, body: ByteBuffer(string: event)) { _ in }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let result = try json(response.body)
                #expect(result["status"] as? String == "ok")
                let components = result["components"] as? [String: Any]
                let store = components?["store"] as? [String: Any]
                #expect(store?["status"] as? String == "ok")
                #expect(store?["models"] as? Int == 1, "the model was learned from its first event")
                let ingest = components?["ingest"] as? [String: Any]
                #expect(ingest?["pending_events"] as? Int == 0)
                #expect(ingest?["commits"] as? Int == 1)
                let profiles = components?["profiles"] as? [String: Any]
                #expect(profiles?["status"] as? String == "catching_up", "no profiler has run")
                #expect(profiles?["events_behind"] as? Int == 1)
                #expect(profiles?["label_changes_behind"] as? Int == 0)
            }
            let label = #"{"model_id": "h", "request_id": "1", "y_true_num": 1}"#
            try await client.execute(uri: "/v1/labels", method: .post, body: ByteBuffer(string: label)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/health", method: .get) { response in
                let profiles = try json(response.body)["components"].flatMap { $0 as? [String: Any] }?["profiles"]
                #expect((profiles as? [String: Any])?["label_changes_behind"] as? Int == 1)
            }
            #expect(try await Profiler(store: store).catchUp() == 1)
            try await client.execute(uri: "/health", method: .get) { response in
                let profiles = try json(response.body)["components"].flatMap { $0 as? [String: Any] }?["profiles"]
                let caughtUp = try #require(profiles as? [String: Any])
                #expect(caughtUp["status"] as? String == "ok")
                #expect(caughtUp["events_behind"] as? Int == 0)
                #expect(caughtUp["label_changes_behind"] as? Int == 0)
            }
            try await client.execute(uri: "/v1/models/h/events/1", method: .get) { response in
                let result = try json(response.body)
                #expect(result["ts"] as? String == "2026-11-01T10:00:00.250Z", "fractional seconds survive")
            }
        }
    }
}
