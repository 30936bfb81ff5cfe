import DriftWatchCore
import DriftWatchServer
import Foundation
import Hummingbird
import Testing

/// `POST/GET /v1/models`, `GET /v1/models/{id}`, learned schemas and violation counts.
@Suite struct ModelRouteTests {
    @Test func aDeclaredModelIsStoredListedAndReplaced() async throws {
        try await withServer { client, store in
            let declaration = """
                {"id": "fraud", "task": "binary", "description": "card fraud",
                 "features": {"amount": "numeric", "country": "categorical"}, "segments": ["region"]}
                """
            let created = try await post(client, "/v1/models", declaration)
            #expect(created.status == .created)
            #expect(created.body["origin"] as? String == "declared")
            #expect(created.body["features"] as? [String: String] == ["amount": "numeric", "country": "categorical"])
            #expect(created.body["segments"] as? [String] == ["region"])
            let replaced = try await post(client, "/v1/models", #"{"id": "fraud", "task": "binary"}"#)
            #expect(replaced.status == .ok, "declaring an existing id replaces it")
            #expect(replaced.body["created_at"] as? String == created.body["created_at"] as? String)
            #expect(try await store.model(id: "fraud")?.schema.features.isEmpty == true)
            let list = try await get(client, "/v1/models")
            #expect((list.body["models"] as? [[String: Any]])?.map { $0["id"] as? String } == ["fraud"])
            let missing = try await get(client, "/v1/models/nope")
            #expect(missing.status == .notFound)
        }
    }

    @Test func badDeclarationsNameTheField() async throws {
        let cases: [(body: String, field: String)] = [
            (#"{"task": "binary"}"#, "id"),
            (#"{"id": "m", "task": "ranking"}"#, "task"),
            (#"{"id": "m", "features": {"a": "float"}}"#, "features.a"),
            (#"{"id": "m", "features": ["a"]}"#, "features"),
            (#"{"id": "m", "segments": ["region", 3]}"#, "segments[1]"),
            (#"{"id": "m", "colour": "red"}"#, "colour"),
        ]
        try await withServer { client, _ in
            for (body, field) in cases {
                let answer = try await post(client, "/v1/models", body)
                #expect(answer.status == .unprocessableContent, "\(body)")
                #expect(answer.body["field"] as? String == field, "\(body)")
            }
            #expect(try await post(client, "/v1/models", "{").status == .badRequest)
        }
    }

    @Test func bodiesOverTheirLimitGet413WithAReason() async throws {
        try await withServer(limits: IngestLimits(maxBodyBytes: 4096, maxRowBytes: 64)) { client, _ in
            let long = #"{"id": "m", "description": "\#(String(repeating: "d", count: 100))"}"#
            for uri in ["/v1/models", "/monitor/predict"] {
                let answer = try await post(client, uri, long)
                #expect(answer.status == .contentTooLarge, "\(uri)")
                #expect(answer.body["error"] as? String == "the body is larger than 64 bytes", "\(uri)")
            }
            let csv = "x\n" + String(repeating: "1\n", count: 3000)
            let reference = try await post(client, "/v1/models/m/reference", csv, contentType: "text/csv")
            #expect(reference.status == .contentTooLarge)
            #expect(reference.body["error"] as? String == "the body is larger than 4096 bytes")
        }
    }

    @Test func anUndeclaredModelLearnsItsSchemaFromItsFirstEvents() async throws {
        try await withServer { client, _ in
            let first = """
                {"model_id": "churn", "request_id": "1", "y_proba": {"yes": 0.3, "no": 0.7}, \
                "features": {"tenure": 12, "plan": "pro", "spend": null}, "segments": {"region": "eu"}}
                {"model_id": "churn", "request_id": "2", "features": {"tenure": 3, "plan": "basic", "spend": 9.5}}
                """
            let stored = try await post(client, "/v1/inferences", first, contentType: "application/x-ndjson")
            #expect(stored.status == .ok)
            #expect(stored.body["accepted"] as? Int == 2)
            #expect(stored.body["schema_violations"] as? Int == 0)
            let model = try await get(client, "/v1/models/churn")
            #expect(model.body["origin"] as? String == "learned")
            #expect(model.body["task"] as? String == "binary")
            #expect(
                model.body["features"] as? [String: String]
                    == ["tenure": "numeric", "plan": "categorical", "spend": "numeric"])
            #expect(model.body["segments"] as? [String] == ["region"])
        }
    }

    @Test func eventsThatBreakTheSchemaAreStoredAndCounted() async throws {
        try await withServer { client, store in
            _ = try await post(
                client, "/v1/models",
                #"{"id": "m", "task": "regression", "features": {"x": "numeric", "c": "categorical"}}"#)
            let events = """
                {"model_id": "m", "request_id": "ok", "features": {"x": 1.5, "c": "a"}}
                {"model_id": "m", "request_id": "bad", "features": {"x": "high", "extra": 1}, "segments": {"tier": "1"}}
                {"model_id": "m", "request_id": "number-as-category", "features": {"x": 2, "c": 7}}
                """
            let stored = try await post(client, "/v1/inferences", events, contentType: "application/x-ndjson")
            #expect(stored.body["accepted"] as? Int == 3, "violations are stored, never rejected")
            #expect(stored.body["schema_violations"] as? Int == 3)
            // A re-send is a duplicate and is not counted again.
            let again = try await post(client, "/v1/inferences", events, contentType: "application/x-ndjson")
            #expect(again.body["duplicates"] as? Int == 3)
            #expect(again.body["schema_violations"] as? Int == 0)
            let bad = try #require(try await store.event(modelID: "m", requestID: "bad"))
            #expect(
                bad.inference.schemaViolations == [
                    SchemaViolation(field: "extra", kind: .unknownFeature),
                    SchemaViolation(field: "tier", kind: .unknownSegment),
                    SchemaViolation(field: "x", kind: .typeMismatch),
                ])
            let model = try await get(client, "/v1/models/m")
            let violations = try #require(model.body["schema_violations"] as? [String: Any])
            #expect(violations["total"] as? Int == 3)
            let byField = try #require(violations["by_field"] as? [[String: Any]])
            #expect(
                byField.map { "\($0["field"]!):\($0["kind"]!):\($0["count"]!)" } == [
                    "extra:unknown_feature:1", "tier:unknown_segment:1", "x:type_mismatch:1",
                ])
            let activity = try #require(model.body["activity"] as? [String: Any])
            #expect(activity["inferences"] as? Int == 3)
        }
    }
}
