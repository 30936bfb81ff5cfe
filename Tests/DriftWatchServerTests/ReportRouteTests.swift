import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import DriftWatchServer

/// `GET /v1/models/{id}/report` over real stored data: eight days of a model whose `amount`
/// drifts upward and whose accuracy falls, with the scheduled monitors and the alert engine
/// run every twelve simulated hours, read back as HTML and as JSON.
@Suite struct ReportRouteTests {
    /// The report's end: the last monitor round; every event lies in the eight days before it.
    static let now = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 3_600).rounded(.down) * 3_600)
    static let days = 8
    static let eventsPerDay = 150

    /// A reference where `amount` is centred on 100, and eight days of traffic where it climbs
    /// by 10 a day while `age` and `country` keep the reference's shape; accuracy falls from
    /// 95 % by 0.75 points a day. Events carry no probabilities, so no accuracy is estimated.
    static func seed(_ client: any TestClientProtocol) async throws {
        #expect(
            try await post(
                client, "/v1/models",
                #"{"id": "fraud", "task": "binary", "features": {"amount": "numeric", "age": "numeric", "country": "categorical"}}"#
            ).status == .created)
        let countries = ["DE", "FR", "US", "GB"]
        let reference =
            "amount,age,country\n"
            + (0..<1_000).map { k in
                "\(50 + Double(k * 37 % 1_000) / 10),\(20 + k * 7 % 50),\(countries[k % 4])\n"
            }.joined()
        #expect(
            try await post(client, "/v1/models/fraud/reference", reference, contentType: "text/csv").status == .created)
        var events: [String] = []
        var labels: [String] = []
        for day in 0..<days {
            let accuracy = 0.95 - 0.0075 * Double(day)
            for k in 0..<eventsPerDay {
                let index = day * eventsPerDay + k
                let ts = now.addingTimeInterval(
                    -Double(days) * 86_400 + Double(day) * 86_400 + 86_400 * (Double(k) + 0.5) / Double(eventsPerDay))
                let amount = 50 + Double(index * 37 % 1_000) / 10 + 10 * Double(day)
                let predicted = k % 3 == 0 ? 1 : 0
                // The first `accuracy` share of each day's predictions (in a scrambled order) is right.
                let right = Double(k * 61 % eventsPerDay) < accuracy * Double(eventsPerDay)
                events.append(
                    #"{"model_id": "fraud", "request_id": "r\#(index)", "ts": \#(ts.timeIntervalSince1970), "y_pred_num": \#(predicted), "latency_ms": \#(20 + Double(k % 20)), "features": {"amount": \#(amount), "age": \#(20 + index * 7 % 50), "country": "\#(countries[index % 4])"}}"#
                )
                labels.append(
                    #"{"model_id": "fraud", "request_id": "r\#(index)", "y_true_num": \#(right ? predicted : 1 - predicted)}"#
                )
            }
        }
        #expect(
            try await post(
                client, "/v1/inferences", events.joined(separator: "\n"), contentType: "application/x-ndjson"
            )
            .status == .ok)
        #expect(
            try await post(client, "/v1/labels", labels.joined(separator: "\n"), contentType: "application/x-ndjson")
                .status == .ok)
    }

    /// Runs `body` with the seeded model after the monitor and alert rounds.
    func withReportData(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let directory = NSTemporaryDirectory() + "driftwatch-report-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteEventStore(path: directory + "/driftwatch.sqlite")
        try await store.migrate()
        let metrics = ServerMetrics()
        let models = ModelRegistry(store: store)
        let logger = Logger(label: "test")
        let alerts = try #require(
            DriftWatchServer.alertCenter(store: store, configuration: ServerConfiguration.Alerting(), logger: logger))
        let router = DriftWatchServer.router(
            store: store, limits: IngestLimits(), metrics: metrics, models: models, alerts: alerts)
        let runner = MonitorRunner(
            checks: ModelChecks(store: store, models: models), metrics: metrics, window: 86_400, logger: logger)
        try await Application(router: router).test(.router) { client in
            try await Self.seed(client)
            for round in 1...(2 * Self.days) {
                let at = Self.now.addingTimeInterval(-Double(Self.days) * 86_400 + Double(round) * 43_200)
                let results = try await runner.runOnce(now: at)
                try await alerts.evaluate(results: results, at: at)
            }
            try await body(client)
        }
    }

    /// The report's window: the eight days, to just after the last round.
    static var window: String {
        let formatter = ISO8601DateFormatter()
        return "from=\(formatter.string(from: now.addingTimeInterval(-Double(days) * 86_400)))"
            + "&to=\(formatter.string(from: now.addingTimeInterval(60)))"
    }

    @Test func theJSONReportNamesTheDriftAndForecastsTheDecay() async throws {
        try await withReportData { client in
            let (status, report) = try await get(client, "/v1/models/fraud/report?format=json&\(Self.window)")
            #expect(status == .ok)
            #expect(report["model_id"] as? String == "fraud")
            #expect(report["inferences"] as? Int == Self.days * Self.eventsPerDay)

            let drift = try #require(report["drift"] as? [String: Any])
            #expect(drift["available"] as? Bool == true)
            let features = try #require(drift["features"] as? [[String: Any]])
            #expect(features.first?["name"] as? String == "amount", "the drifted feature is listed first")
            #expect(features.filter { $0["drift"] as? Bool == true }.map { $0["name"] as? String } == ["amount"])
            let amountTrend = try #require(features.first?["trend"] as? [[String: Any]])
            #expect(amountTrend.count >= 7, "a stored drift score per day")

            let recommendations = try #require(report["recommendations"] as? [[String: Any]])
            let first = try #require(recommendations.first)
            #expect(first["kind"] as? String == "investigate_feature")
            #expect(first["feature"] as? String == "amount")
            #expect((first["reason"] as? String)?.contains("amount drifted") == true)
            let retrain = try #require(recommendations.first { $0["kind"] as? String == "retrain" })
            #expect((retrain["reason"] as? String)?.contains("crosses the acceptance threshold") == true)

            let performance = try #require(report["performance"] as? [String: Any])
            #expect(performance["metric"] as? String == "accuracy")
            #expect(performance["source"] as? String == "realized")
            #expect(performance["labeled"] as? Int == Self.days * Self.eventsPerDay)
            let threshold = try #require(performance["threshold"] as? [String: Any])
            #expect(threshold["source"] as? String == "reference")
            let level = try #require(threshold["reference"] as? Double)
            #expect(abs(try #require(threshold["value"] as? Double) - 0.9 * level) < 1e-12)
            #expect(level > 0.92 && level < 0.96, "the first days' accuracy")
            let forecast = try #require(performance["forecast"] as? [String: Any])
            #expect(forecast["outcome"] as? String == "crosses")
            let slope = try #require(forecast["slope_per_day"] as? Double)
            #expect(slope < -0.004 && slope > -0.011, "about −0.0075 a day")
            let days = try #require(forecast["days_to_threshold"] as? Double)
            #expect(days > 0 && days <= 8)
            #expect((forecast["points"] as? [[String: Any]])?.count == 12)
            let sentence = try #require(performance["forecast_sentence"] as? String)
            #expect(sentence.contains("If the trend holds, accuracy crosses the acceptance threshold"))
            #expect(sentence.contains(" in \(String(format: days < 10 ? "%.1f" : "%.0f", days)) days."), "\(sentence)")

            let quality = try #require(report["quality"] as? [String: Any])
            #expect((quality["features"] as? [[String: Any]])?.count == 3)
            let latency = try #require(report["latency"] as? [String: Any])
            #expect(latency["p99"] as? Double ?? 0 > 20)
            let alerts = try #require(report["alerts"] as? [String: Any])
            #expect(alerts["enabled"] as? Bool == true)
        }
    }

    @Test func theHTMLReportIsOneSelfContainedPageWithTheSameContent() async throws {
        try await withReportData { client in
            let (status, type, html) = try await client.execute(
                uri: "/v1/models/fraud/report?\(Self.window)", method: .get
            ) { response in (response.status, response.headers[.contentType], String(buffer: response.body)) }
            #expect(status == .ok)
            #expect(type == "text/html; charset=utf-8")
            #expect(html.hasPrefix("<!doctype html>"))
            #expect(html.contains("<h1>fraud</h1>"))
            #expect(html.contains("<strong>Investigate amount</strong>"))
            #expect(html.contains("If the trend holds, accuracy crosses the acceptance threshold"))
            #expect(html.contains("<svg"), "inline charts")
            for section in ["recommendations", "drift", "performance", "quality", "latency", "alerts"] {
                #expect(html.contains(#"<section id="\#(section)""#), "\(section) section")
            }
            // Nothing is loaded from anywhere: no script, no stylesheet link, no address at all.
            #expect(!html.contains("http://") && !html.contains("https://"))
            #expect(!html.contains("<script") && !html.contains("<link"))
            let recommendations = try #require(html.range(of: #"id="recommendations""#))
            let firstItem = try #require(
                html.range(of: "<li class=\"recommendation", range: recommendations.upperBound..<html.endIndex))
            #expect(html[firstItem.upperBound...].prefix(200).contains("Investigate amount"))

            // The same report as JSON, asked for by the Accept header.
            let (jsonStatus, recommendationTitles) = try await client.execute(
                uri: "/v1/models/fraud/report?\(Self.window)", method: .get, headers: [.accept: "application/json"]
            ) { response in
                (
                    response.status,
                    ((try json(response.body))["recommendations"] as? [[String: Any]])?.compactMap {
                        $0["title"] as? String
                    }
                )
            }
            #expect(jsonStatus == .ok)
            let titles = try #require(recommendationTitles)
            #expect(!titles.isEmpty)
            for title in titles { #expect(html.contains(title), "the page shows \(title)") }
        }
    }

    @Test func aThresholdParameterReplacesTheReferenceAndTheCompatibilityPathReadsTheSameModel() async throws {
        try await withReportData { client in
            let (status, report) = try await get(
                client, "/monitor/report?model_id=fraud&format=json&threshold=0.5&horizon=3d&\(Self.window)")
            #expect(status == .ok)
            let performance = try #require(report["performance"] as? [String: Any])
            let threshold = try #require(performance["threshold"] as? [String: Any])
            #expect(threshold["source"] as? String == "parameter")
            #expect(threshold["value"] as? Double == 0.5)
            let forecast = try #require(performance["forecast"] as? [String: Any])
            #expect(forecast["outcome"] as? String == "does_not_cross")
            #expect(forecast["horizon_days"] as? Double == 3)
            #expect(
                (performance["forecast_sentence"] as? String)?.contains(
                    "does not cross the acceptance threshold (0.5) within 3.0 days") == true)
            let recommendations = try #require(report["recommendations"] as? [[String: Any]])
            #expect(!recommendations.contains { $0["kind"] as? String == "retrain" })
        }
    }

    @Test func badParametersAreRefusedByNameAndAnUnknownModelIs404() async throws {
        try await withServer { client, _ in
            _ = try await post(client, "/v1/models", #"{"id": "m", "task": "binary"}"#)
            let cases = [
                ("from=yesterday", "from"), ("to=soon", "to"), ("window=7x", "window"),
                ("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from"),
                ("from=2026-01-01T00:00:00Z&window=1d", "window"), ("segment=region", "segment"),
                ("threshold=high", "threshold"), ("horizon=forever", "horizon"), ("format=pdf", "format"),
            ]
            for (query, field) in cases {
                let (status, body) = try await get(client, "/v1/models/m/report?\(query)")
                #expect(status == .badRequest, "\(query)")
                #expect(body["field"] as? String == field, "\(query): \(body)")
            }
            let (status, body) = try await get(client, "/v1/models/nope/report?format=json")
            #expect(status == .notFound)
            #expect(body["error"] as? String == "no model nope")
            #expect(try await get(client, "/monitor/report?format=json").status == .notFound, "no model default")
        }
    }

    @Test func aModelWithoutDataSaysWhatIsMissing() async throws {
        try await withServer { client, _ in
            _ = try await post(client, "/v1/models", #"{"id": "m", "task": "binary"}"#)
            let (status, report) = try await get(client, "/v1/models/m/report?format=json")
            #expect(status == .ok)
            let drift = try #require(report["drift"] as? [String: Any])
            #expect(drift["available"] as? Bool == false)
            #expect((drift["note"] as? String)?.contains("No reference dataset") == true)
            let performance = try #require(report["performance"] as? [String: Any])
            #expect(performance["forecast"] == nil)
            #expect(
                performance["forecast_sentence"] as? String
                    == "Not enough points to forecast accuracy (need ≥ 3, have 0): no accuracy results are stored in the window or the week before it."
            )
            let recommendations = try #require(report["recommendations"] as? [[String: Any]])
            #expect(recommendations.map { $0["kind"] as? String } == ["no_action"])
            let window = try #require(report["window"] as? [String: String])
            let from = try #require(window["from"].flatMap { ISO8601DateFormatter().date(from: $0) })
            let to = try #require(window["to"].flatMap { ISO8601DateFormatter().date(from: $0) })
            #expect(abs(to.timeIntervalSince(from) - 7 * 86_400) < 1, "seven days by default")
        }
    }
}
