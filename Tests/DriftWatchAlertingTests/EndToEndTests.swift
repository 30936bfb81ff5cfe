import DriftWatchAlerting
import DriftWatchCore
import Foundation
import Testing

@Suite("From results to delivered notifications")
struct EndToEndTests {
    @Test("default rules, routing and delivery work together, and critical drift mutes the warning")
    func pipeline() async throws {
        try await withRecordingServer { base, log in
            let routing = AlertRoutingConfiguration(
                route: Route(receiver: "hook", groupBy: ["alertname", "model"], groupWait: .seconds(10)),
                receivers: [Receiver(name: "hook", integration: .webhook(WebhookReceiver(url: base + "/alerts")))],
                inhibitRules: InhibitRule.defaults)
            #expect(routing.validate().isEmpty)
            var evaluator = AlertEvaluator()
            var planner = NotificationPlanner(configuration: routing)
            // Delivery is at least once: an attempt not answered within the transport's timeout is
            // retried, and the receiver may then see it twice. Under a loaded test run the default
            // 10 s has run out once before the local server answered; this test is about
            // grouping and inhibition, so the timeout is out of its way.
            let queue = DeliveryQueue(
                receivers: routing.receivers, transport: HTTPClientTransport(timeout: .seconds(120)))
            let worker = Task { await queue.run() }

            let results = [drift("amount", 0.35), drift("country", 0.25), drift("age", 0.01)]
            let transitions = evaluator.evaluate(AlertRule.defaults, results: results, at: epoch)
            // amount: warning and critical; country: warning only.
            #expect(transitions.count == 3)
            planner.update(alerts: evaluator.alerts, at: epoch)
            for notification in planner.tick(at: at(seconds: 10)) { await queue.enqueue(notification) }
            await queue.waitUntilIdle()
            worker.cancel()

            let requests = await log.requests
            #expect(requests.count == 1)
            let alerts = try #require(try requests.first?.object()["alerts"] as? [[String: Any]])
            let notified = alerts.compactMap { $0["labels"] as? [String: String] }.map {
                "\($0["feature"] ?? "")/\($0["severity"] ?? "")"
            }
            #expect(notified.sorted() == ["amount/critical", "country/warning"])
        }
    }
}
