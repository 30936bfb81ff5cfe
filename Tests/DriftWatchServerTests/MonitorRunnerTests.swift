import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import DriftWatchServer

/// A round of the scheduled monitors over real stored data: results stored as time series,
/// exported as Prometheus gauges, and readable through the API.
@Suite struct MonitorRunnerTests {
    @Test func aRoundStoresDriftAndPerformanceAndExportsGauges() async throws {
        try await withMonitoredServer(window: 3600) { client, _, runner, metrics in
            _ = try await post(client, "/v1/models", #"{"id": "m", "task": "binary"}"#)
            let reference =
                "x,plan\n" + (0..<500).map { "\(Double($0 % 100) / 100),\($0 % 2 == 0 ? "a" : "b")\n" }.joined()
            #expect(
                try await post(client, "/v1/models/m/reference", reference, contentType: "text/csv").status == .created)
            let events = (0..<300).map { k -> String in
                #"{"model_id": "m", "request_id": "r\#(k)", "y_pred_text": "\#(k % 3 == 0 ? 0 : 1)", "features": {"x": \#(0.5 + Double(k % 100) / 100), "plan": "\#(k % 2 == 0 ? "a" : "b")"}}"#
            }.joined(separator: "\n")
            #expect(try await post(client, "/v1/inferences", events, contentType: "application/x-ndjson").status == .ok)
            let labels = (0..<150).map { #"{"model_id": "m", "request_id": "r\#($0)", "y_true_num": 1}"# }
                .joined(separator: "\n")
            #expect(try await post(client, "/v1/labels", labels, contentType: "application/x-ndjson").status == .ok)

            let now = Date().addingTimeInterval(1)
            let results = try await runner.runOnce(now: now)
            let byMetric = Dictionary(grouping: results, by: \.metric)
            #expect(byMetric["dataset_drift_share"]?.first?.value == 0.5, "x shifted, plan did not")
            #expect(byMetric["feature_drift_count"]?.first?.value == 1)
            #expect(byMetric["feature_drift_score"]?.map(\.feature).sorted() == ["plan", "x"])
            #expect(byMetric["label_coverage"]?.first?.value == 0.5)
            // Labels were sent after their predictions, both stamped on receipt.
            let p50 = try #require(byMetric["label_delay_p50_seconds"]?.first?.value)
            let p90 = try #require(byMetric["label_delay_p90_seconds"]?.first?.value)
            #expect(p50 >= 0 && p50 <= p90 && p90.isFinite)
            // r0..r149 are labelled 1; r0, r3, … predicted 0: 50 of 150 wrong.
            let accuracy = try #require(byMetric["accuracy"]?.first?.value)
            #expect(abs(accuracy - 100.0 / 150.0) < 1e-12)

            let exposition = metrics.text()
            #expect(exposition.contains(#"ml_dataset_drift_share{model_id="m"} 0.5"#))
            #expect(exposition.contains(#"ml_feature_drift_count{model_id="m"} 1"#))
            #expect(exposition.contains(#"ml_label_coverage{model_id="m"} 0.5"#))
            #expect(exposition.contains(#"ml_label_delay_seconds{model_id="m"}"#))
            #expect(exposition.contains(#"ml_model_accuracy{model_id="m"}"#))
            #expect(exposition.contains(#"ml_feature_drift_score{model_id="m",feature="x",method="#))

            // A second round later adds a point; the series reads oldest first.
            try await runner.runOnce(now: now.addingTimeInterval(60))
            let to = ISO8601DateFormatter().string(from: now.addingTimeInterval(120))
            let series = try await get(client, "/v1/models/m/timeseries?metric=dataset_drift_share&window=1h&to=\(to)")
            #expect(series.status == .ok)
            let points = try #require(series.body["points"] as? [[String: Any]])
            #expect(points.count == 2)
            #expect(points.map { $0["value"] as? Double } == [0.5, 0.5])
            let scores = try await get(
                client, "/v1/models/m/timeseries?metric=feature_drift_score&feature=x&window=1h&to=\(to)")
            let details = (scores.body["points"] as? [[String: Any]])?.first?["details"] as? [String: Any]
            #expect(details?["drift"] as? Bool == true)
            #expect(try await get(client, "/v1/models/m/timeseries").status == .badRequest)
        }
    }
}
