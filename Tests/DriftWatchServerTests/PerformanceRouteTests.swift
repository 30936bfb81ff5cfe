import DriftStats
import DriftWatchCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Realized performance from stored predictions and their late labels.
@Suite struct PerformanceRouteTests {
    @Test func labelledPredictionsAreScoredAsDriftwatchPerfScoresTheSameTable() async throws {
        var generator = SeededRandomNumberGenerator(seed: 7)
        let n = 400
        let scores = (0..<n).map { _ in Double.random(in: 0..<1, using: &generator) }
        let truths = scores.map { Double.random(in: 0..<1, using: &generator) < $0 ? 1 : 0 }
        let events = (0..<n).map { k -> String in
            let p = scores[k]
            return
                #"{"model_id": "b", "request_id": "r\#(k)", "y_pred_text": "\#(p >= 0.5 ? "1" : "0")", "y_proba": {"1": \#(p), "0": \#(1 - p)}}"#
        }.joined(separator: "\n")
        // Labels for three quarters of the predictions, some before their prediction arrives.
        let labelBody = (0..<n).filter { $0 % 4 != 3 }.map { k in
            #"{"model_id": "b", "request_id": "r\#(k)", "y_true_num": \#(truths[k])}"#
        }.joined(separator: "\n")
        try await withServer { client, _ in
            _ = try await post(client, "/v1/models", #"{"id": "b", "task": "binary"}"#)
            #expect(try await post(client, "/v1/labels", labelBody, contentType: "application/x-ndjson").status == .ok)
            #expect(try await post(client, "/v1/inferences", events, contentType: "application/x-ndjson").status == .ok)
            let answer = try await get(client, "/v1/models/b/performance?window=1h")
            #expect(answer.status == .ok, "\(answer.body)")
            #expect(answer.body["inferences"] as? Int == n)
            #expect(answer.body["labeled"] as? Int == 300)
            #expect(answer.body["label_coverage"] as? Double == 0.75)
            let report = try #require(answer.body["report"] as? [String: Any])

            var csv = "y_true,y_pred,proba\n"
            for k in (0..<n).reversed() where k % 4 != 3 {
                csv += "\(truths[k]),\(scores[k] >= 0.5 ? 1 : 0),\(scores[k])\n"
            }
            let expected = try PerformanceReport.compute(
                task: .binary, table: try CSVTable(bytes: Array(csv.utf8), file: "expected.csv"),
                options: .init(proba: "proba"))
            let expectedJSON = try #require(
                try JSONSerialization.jsonObject(with: Data(expected.json().utf8)) as? [String: Any])
            #expect(NSDictionary(dictionary: report).isEqual(to: expectedJSON), "\(report)\n\(expectedJSON)")
            let metrics = try #require(report["metrics"] as? [String: Any])
            #expect((metrics["roc_auc"] as? Double ?? 0) > 0.7, "the scores carry signal")
        }
    }

    @Test func aModelWithoutATaskCannotBeScored() async throws {
        try await withServer { client, _ in
            _ = try await post(client, "/v1/inferences", #"{"model_id": "u", "y_pred_num": 3}"#)
            let answer = try await get(client, "/v1/models/u/performance")
            #expect(answer.status == .unprocessableContent)
            #expect((answer.body["error"] as? String)?.contains("declare it") == true)
            #expect(try await get(client, "/v1/models/none/performance").status == .notFound)
        }
    }
}
