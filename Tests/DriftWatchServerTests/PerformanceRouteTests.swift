import DriftStats
import DriftWatchCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Realized performance from stored predictions and their late labels.
@Suite struct PerformanceRouteTests {
    @Test func theLabelDelayIsMeasuredFromEachPredictionToItsLabel() async throws {
        let start = 1_780_000_000
        // Ten predictions a second apart; nine labels 0, 60, …, 480 s after theirs, and one
        // timestamped 30 s before its prediction (counted as no delay).
        let events = (0..<10).map { k -> String in
            #"{"model_id": "b", "request_id": "r\#(k)", "ts": \#(start + k), "y_pred_text": "1", "y_proba": {"1": 0.8, "0": 0.2}}"#
        }.joined(separator: "\n")
        let labels = (0..<10).map { k -> String in
            let delay = k == 9 ? -30 : k * 60
            return #"{"model_id": "b", "request_id": "r\#(k)", "ts": \#(start + k + delay), "y_true_num": 1}"#
        }.joined(separator: "\n")
        try await withServer { client, _ in
            _ = try await post(client, "/v1/models", #"{"id": "b", "task": "binary"}"#)
            #expect(try await post(client, "/v1/inferences", events, contentType: "application/x-ndjson").status == .ok)
            #expect(try await post(client, "/v1/labels", labels, contentType: "application/x-ndjson").status == .ok)
            // 2026-05-28T20:26:40Z is `start`.
            let path = "/v1/models/b/performance?from=2026-05-28T20:00:00Z&to=2026-05-28T21:00:00Z"
            let answer = try await get(client, path + "&source=events")
            #expect(answer.status == .ok, "\(answer.body)")
            #expect(answer.body["source"] as? String == "events")
            let delay = try #require(answer.body["label_delay_seconds"] as? [String: Double], "\(answer.body)")
            // Sorted delays: 0, 0, 60, …, 480; nearest rank: the 5th and the 9th of ten.
            #expect(delay == ["p50": 180, "p90": 420, "max": 480])
            // From the profiles, each within 1 %.
            let profiled = try await get(client, path)
            #expect(profiled.body["source"] as? String == "profiles")
            let sketched = try #require(profiled.body["label_delay_seconds"] as? [String: Double], "\(profiled.body)")
            for (name, value) in delay {
                let estimate = try #require(sketched[name])
                #expect(abs(estimate - value) <= 0.01 * value, "\(name): \(estimate) vs \(value)")
            }
        }
    }

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
            func table(_ score: (Double) -> Double) throws -> [String: Any] {
                var csv = "y_true,y_pred,proba\n"
                for k in (0..<n).reversed() where k % 4 != 3 {
                    csv += "\(truths[k]),\(scores[k] >= 0.5 ? 1 : 0),\(score(scores[k]))\n"
                }
                let expected = try PerformanceReport.compute(
                    task: .binary, table: try CSVTable(bytes: Array(csv.utf8), file: "expected.csv"),
                    options: .init(proba: "proba"))
                return try #require(
                    try JSONSerialization.jsonObject(with: Data(expected.json().utf8)) as? [String: Any])
            }
            let answer = try await get(client, "/v1/models/b/performance?window=1h&source=events")
            #expect(answer.status == .ok, "\(answer.body)")
            #expect(answer.body["inferences"] as? Int == n)
            #expect(answer.body["labeled"] as? Int == 300)
            #expect(answer.body["label_coverage"] as? Double == 0.75)
            let report = try #require(answer.body["report"] as? [String: Any])
            let expectedJSON = try table { $0 }
            #expect(NSDictionary(dictionary: report).isEqual(to: expectedJSON), "\(report)\n\(expectedJSON)")
            let metrics = try #require(report["metrics"] as? [String: Any])
            #expect((metrics["roc_auc"] as? Double ?? 0) > 0.7, "the scores carry signal")

            // From the profiles: the same counts; the sums to 1e-9; ROC AUC and average
            // precision as the table scores its probabilities binned to thousandths.
            let profiled = try await get(client, "/v1/models/b/performance?window=1h")
            #expect(profiled.body["labeled"] as? Int == 300)
            #expect(profiled.body["label_coverage"] as? Double == 0.75)
            let sketched = try #require(
                (profiled.body["report"] as? [String: Any])?["metrics"] as? [String: Double], "\(profiled.body)")
            let exact = try #require(expectedJSON["metrics"] as? [String: Double])
            let binned = try #require(
                try table { (($0 * 1000).rounded(.down)) / 1000 }["metrics"] as? [String: Double])
            for name in ["accuracy", "precision", "recall", "f1", "log_loss", "brier", "ece"] {
                let (value, expected) = (try #require(sketched[name]), try #require(exact[name]))
                #expect(abs(value - expected) <= 1e-9 * max(1, abs(expected)), "\(name): \(value) vs \(expected)")
            }
            for name in ["roc_auc", "pr_auc"] {
                let (value, expected) = (try #require(sketched[name]), try #require(binned[name]))
                #expect(abs(value - expected) <= 1e-12, "\(name): \(value) vs \(expected)")
            }
        }
    }

    @Test func multiclassProbabilitiesAreScoredAsTheSameTable() async throws {
        var generator = SeededRandomNumberGenerator(seed: 11)
        let classes = ["cat", "dog", "fox"]
        var csv = "y_true,y_pred,proba_cat,proba_dog,proba_fox\n"
        var events: [String] = []
        var labels: [String] = []
        for k in 0..<120 {
            let raw = classes.map { _ in Double.random(in: 0.1..<1, using: &generator) }
            let p = raw.map { $0 / raw.reduce(0, +) }
            let predicted = classes[p.firstIndex(of: p.max()!)!]
            let truth = classes[Int.random(in: 0..<3, using: &generator)]
            let proba = zip(classes, p).map { #""\#($0)": \#($1)"# }.joined(separator: ", ")
            events.append(
                #"{"model_id": "mc", "request_id": "r\#(k)", "y_pred_text": "\#(predicted)", "y_proba": {\#(proba)}}"#)
            labels.append(#"{"model_id": "mc", "request_id": "r\#(k)", "y_true_text": "\#(truth)"}"#)
        }
        // The server reads newest first; the table lists the rows in the same order.
        for k in (0..<120).reversed() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(events[k].utf8)) as? [String: Any])
            let label = try #require(try JSONSerialization.jsonObject(with: Data(labels[k].utf8)) as? [String: Any])
            let proba = try #require(event["y_proba"] as? [String: Double])
            csv +=
                "\(label["y_true_text"]!),\(event["y_pred_text"]!),\(proba["cat"]!),\(proba["dog"]!),\(proba["fox"]!)\n"
        }
        let eventBody = events.joined(separator: "\n")
        let labelBody = labels.joined(separator: "\n")
        let table = csv
        try await withServer { client, _ in
            _ = try await post(client, "/v1/models", #"{"id": "mc", "task": "multiclass"}"#)
            _ = try await post(client, "/v1/inferences", eventBody, contentType: "application/x-ndjson")
            _ = try await post(client, "/v1/labels", labelBody, contentType: "application/x-ndjson")
            let answer = try await get(client, "/v1/models/mc/performance?window=1h&source=events")
            #expect(answer.status == .ok, "\(answer.body)")
            let report = try #require(answer.body["report"] as? [String: Any])
            let expected = try PerformanceReport.compute(
                task: .multiclass, table: try CSVTable(bytes: Array(table.utf8), file: "expected.csv"),
                options: .init(probaPrefix: "proba_"))
            let expectedJSON = try #require(
                try JSONSerialization.jsonObject(with: Data(expected.json().utf8)) as? [String: Any])
            #expect(NSDictionary(dictionary: report).isEqual(to: expectedJSON), "\(report)\n\(expectedJSON)")
            #expect(report["n"] as? Int == 120)

            // From the profiles: every label metric and the log loss to 1e-9; the one-vs-rest
            // areas with scores tied within thousandths.
            let profiled = try await get(client, "/v1/models/mc/performance?window=1h")
            let sketchedReport = try #require(profiled.body["report"] as? [String: Any], "\(profiled.body)")
            #expect(sketchedReport["n"] as? Int == 120)
            let sketched = try #require(sketchedReport["metrics"] as? [String: Double])
            let exact = try #require(expectedJSON["metrics"] as? [String: Double])
            #expect(Set(sketched.keys) == Set(exact.keys))
            for (name, expected) in exact {
                let value = try #require(sketched[name])
                let tolerance = name.hasSuffix("_auc") ? 0.005 : 1e-9 * max(1, abs(expected))
                #expect(abs(value - expected) <= tolerance, "\(name): \(value) vs \(expected)")
            }
        }
    }

    @Test func versionsAndSegmentsAreScoredApartAndACorrectedLabelReplacesItsOldValue() async throws {
        let events = (0..<200).map { k -> String in
            let version = k % 2 == 0 ? "v1" : "v2"
            let region = k % 4 == 0 ? "eu" : "us"
            return
                #"{"model_id": "r", "model_version": "\#(version)", "request_id": "r\#(k)", "y_pred_num": \#(k), "segments": {"region": "\#(region)"}}"#
        }.joined(separator: "\n")
        func labels(_ ids: some Sequence<Int>, error: Int) -> String {
            ids.map { k in #"{"model_id": "r", "request_id": "r\#(k)", "y_true_num": \#(k - error)}"# }
                .joined(separator: "\n")
        }
        let first = labels(0..<200, error: 1)
        // v2's labels are corrected: its error becomes 3, v1's stays 1.
        let corrections = labels(stride(from: 1, to: 200, by: 2), error: 3)
        let mae = Self.mae
        try await withServer { client, _ in
            _ = try await post(client, "/v1/models", #"{"id": "r", "task": "regression"}"#)
            _ = try await post(client, "/v1/inferences", events, contentType: "application/x-ndjson")
            _ = try await post(client, "/v1/labels", first, contentType: "application/x-ndjson")
            #expect(mae(try await get(client, "/v1/models/r/performance?window=1h")) == 1)
            _ = try await post(client, "/v1/labels", corrections, contentType: "application/x-ndjson")
            let v1 = try await get(client, "/v1/models/r/performance?window=1h&version=v1")
            #expect(v1.body["labeled"] as? Int == 100)
            #expect(mae(v1) == 1, "\(v1.body)")
            #expect(mae(try await get(client, "/v1/models/r/performance?window=1h&version=v2")) == 3)
            let all = try await get(client, "/v1/models/r/performance?window=1h")
            #expect(all.body["labeled"] as? Int == 200)
            #expect(mae(all) == 2)
            #expect(mae(try await get(client, "/v1/models/r/performance?window=1h&source=events")) == 2)
            let eu = try await get(client, "/v1/models/r/performance?window=1h&segment=region:eu")
            #expect(eu.body["labeled"] as? Int == 50)
            #expect((eu.body["scope"] as? [String: Any])?["segment"] as? String == "region:eu")
            #expect(mae(eu) == 1, "every eu request is even, so v1")
            // The exact path reads all traffic; a scope or an unknown source is refused.
            for query in ["source=events&version=v1", "source=rows"] {
                let refused = try await get(client, "/v1/models/r/performance?window=1h&" + query)
                #expect(refused.status == .badRequest, "\(query)")
                #expect(refused.body["field"] as? String == "source", "\(refused.body)")
            }
        }
    }

    @Sendable static func mae(_ answer: (status: HTTPResponse.Status, body: [String: Any])) -> Double? {
        ((answer.body["report"] as? [String: Any])?["metrics"] as? [String: Any])?["mae"] as? Double
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
