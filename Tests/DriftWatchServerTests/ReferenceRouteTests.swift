import DriftStats
import DriftWatchCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Reference upload and drift of stored events against it, through the real router and store.
@Suite struct ReferenceRouteTests {
    @Test func driftOfStoredEventsMatchesTheSameComparisonInMemory() async throws {
        let referenceX = normalSample(2000, mean: 0, seed: 1)
        let referenceY = normalSample(2000, mean: 5, seed: 2)
        let colours = ["red", "green", "blue"]
        let csv =
            "x,y,colour\n" + (0..<2000).map { "\(referenceX[$0]),\(referenceY[$0]),\(colours[$0 % 3])\n" }.joined()
        // Production: x shifted by half a standard deviation, y unchanged, colour mostly red.
        let currentX = normalSample(1000, mean: 0.5, seed: 3)
        let currentY = normalSample(1000, mean: 5, seed: 4)
        let currentColours = (0..<1000).map { $0 % 5 == 0 ? colours[$0 % 3] : "red" }
        let events = (0..<1000).map { k in
            #"{"model_id": "m", "request_id": "r\#(k)", "features": {"x": \#(currentX[k]), "y": \#(currentY[k]), "colour": "\#(currentColours[k])"}}"#
        }.joined(separator: "\n")
        try await withServer { client, _ in
            let missing = try await get(client, "/v1/models/m/drift")
            #expect(missing.status == .notFound)
            let uploaded = try await post(client, "/v1/models/m/reference", csv, contentType: "text/csv")
            #expect(uploaded.status == .created)
            #expect(uploaded.body["rows"] as? Int == 2000)
            let kinds = (uploaded.body["columns"] as? [[String: Any]])?.map { "\($0["name"]!):\($0["kind"]!)" }
            #expect(kinds == ["x:numeric", "y:numeric", "colour:categorical"])
            #expect(try await get(client, "/v1/models/m").body["origin"] as? String == "learned")
            let stored = try await post(client, "/v1/inferences", events, contentType: "application/x-ndjson")
            #expect(stored.body["accepted"] as? Int == 1000)
            #expect(stored.body["schema_violations"] as? Int == 0, "the model's schema came from the reference")

            let answer = try await get(client, "/v1/models/m/drift?window=1h&method=ks,chisquare&source=events")
            #expect(answer.status == .ok, "\(answer.body)")
            #expect(answer.body["events"] as? Int == 1000)
            let report = try #require(answer.body["report"] as? [String: Any])
            let features = try #require(report["features"] as? [[String: Any]])
            let drifted = Dictionary(
                uniqueKeysWithValues: features.map { ($0["name"] as! String, $0["drift"] as! Bool) })
            #expect(drifted == ["x": true, "y": false, "colour": true])

            // The same comparison computed in memory from the same values.
            let expected = DriftReport.compute(
                columns: [
                    ColumnPair(name: "x", reference: referenceX, current: currentX),
                    ColumnPair(name: "y", reference: referenceY, current: currentY),
                    ColumnPair(
                        name: "colour", reference: (0..<2000).map { colours[$0 % 3] }, current: currentColours),
                ],
                referenceRows: 2000, currentRows: 1000, options: DriftReportOptions(methods: [.ks, .chiSquare]))
            let expectedJSON = try #require(
                try JSONSerialization.jsonObject(with: Data(expected.jsonText().utf8)) as? [String: Any])
            #expect(NSDictionary(dictionary: report).isEqual(to: expectedJSON), "\(report)\n\(expectedJSON)")
        }
    }

    @Test func ndjsonReferencesAndBadQueries() async throws {
        try await withServer { client, _ in
            let rows = """
                {"features": {"a": 1, "c": "u"}}
                {"a": 2, "c": "v"}
                {"a": "NaN", "c": null}
                """
            let uploaded = try await post(client, "/v1/models/n/reference", rows, contentType: "application/x-ndjson")
            #expect(uploaded.status == .created)
            let columns = try #require(uploaded.body["columns"] as? [[String: Any]])
            #expect(
                columns.map { "\($0["name"]!):\($0["kind"]!):\($0["missing"]!)" } == ["a:numeric:1", "c:categorical:1"])
            let summary = try await get(client, "/v1/models/n/reference")
            #expect(summary.body["rows"] as? Int == 3)
            for (query, field) in [
                ("window=2x", "window"), ("from=yesterday", "from"), ("method=psi,nope", "method"),
                ("limit=0", "limit"), ("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from"),
            ] {
                let answer = try await get(client, "/v1/models/n/drift?\(query)")
                #expect(answer.status == .badRequest, "\(query)")
                #expect(answer.body["field"] as? String == field, "\(query): \(answer.body)")
            }
            let bad = try await post(client, "/v1/models/n/reference", "[1, 2]")
            #expect(bad.status == .badRequest)
            let nested = try await post(client, "/v1/models/n/reference", #"[{"a": 1}, {"a": {"b": 1}}]"#)
            #expect(nested.status == .badRequest)
            #expect(
                (nested.body["error"] as? String)?.contains("row 1: features.a: must be a number, string or null")
                    == true)
            let empty = try await post(client, "/v1/models/n/reference", "x,y\n", contentType: "text/csv")
            #expect(empty.status == .unprocessableContent)
        }
    }
}

/// `GET /monitor/drift` and `GET /monitor/performance` answer for the model `default`.
@Suite struct MonitorCompatibilityTests {
    @Test func theOlderPathsAnswerForTheDefaultModel() async throws {
        try await withServer { client, _ in
            #expect(try await get(client, "/monitor/drift").status == .notFound)
            _ = try await post(client, "/v1/models", #"{"id": "default", "task": "regression"}"#)
            let reference = "age\n" + (0..<200).map { "\(20 + $0 % 40)\n" }.joined()
            _ = try await post(client, "/v1/models/default/reference", reference, contentType: "text/csv")
            for k in 0..<50 {
                let body = #"{"features": {"age": \#(60 + k % 10)}, "prediction": \#(k), "ground_truth": \#(k + 1)}"#
                #expect(try await post(client, "/monitor/predict", body).status == .ok)
            }
            let drift = try await get(client, "/monitor/drift?window=1h")
            #expect(drift.status == .ok)
            #expect(drift.body["model_id"] as? String == "default")
            let report = drift.body["report"] as? [String: Any]
            #expect((report?["dataset_drift"] as? [String: Any])?["detected"] as? Bool == true)
            let performance = try await get(client, "/monitor/performance?window=1h")
            #expect(performance.status == .ok)
            let metrics = (performance.body["report"] as? [String: Any])?["metrics"] as? [String: Any]
            #expect(metrics?["mae"] as? Double == 1, "every prediction is off by one")
        }
    }
}
