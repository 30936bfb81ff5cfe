import DriftWatchAlerting
import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Logging
import Testing

@testable import DriftWatchServer

/// A restart does not notify again what was already notified: the notification log is stored
/// with the alerts, and a new alert center on the same database reads it back.
@Suite struct AlertRestartTests {
    /// Records every request handed to it, answering 200.
    actor RecordingTransport: NotificationTransport {
        var requests: [NotificationRequest] = []
        func send(_ request: NotificationRequest) async throws -> NotificationResponse {
            requests.append(request)
            return NotificationResponse(status: 200)
        }
    }

    func configuration() -> ServerConfiguration.Alerting {
        var alerting = ServerConfiguration.Alerting()
        alerting.defaultRules = false
        alerting.rules = [
            AlertRule(
                id: "drift-share", name: "drift-share", metric: "dataset_drift_share",
                condition: .threshold(.greaterThan, 0.5), severity: .critical)
        ]
        alerting.routing = AlertRoutingConfiguration(
            route: Route(receiver: "hook", groupWait: .zero, repeatInterval: .hours(4)),
            receivers: [Receiver(name: "hook", integration: .webhook(WebhookReceiver(url: "http://127.0.0.1:9/hook")))])
        return alerting
    }

    /// A center's delivery, running for as long as `body` does (a queue runs once).
    func delivering(_ center: AlertCenter, _ body: (DeliveryQueue) async throws -> Void) async throws {
        let queue = try #require(await center.delivery)
        let worker = Task { await queue.run() }
        defer { worker.cancel() }
        try await body(queue)
        await queue.waitUntilIdle()
    }

    @Test func aFiringAlertIsNotifiedOnceAcrossARestartAndItsResolutionAfterIt() async throws {
        let directory = NSTemporaryDirectory() + "driftwatch-alert-restart-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/driftwatch.sqlite"
        let store = try SQLiteEventStore(path: path)
        try await store.migrate()
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        func share(_ value: Double, at time: Date) -> [MonitorResult] {
            [
                MonitorResult(
                    modelID: "fraud", metric: "dataset_drift_share", windowStart: time - 600, windowEnd: time,
                    value: value)
            ]
        }

        let transport = RecordingTransport()
        let first = AlertCenter(
            store: store, configuration: configuration(), transport: transport, logger: Logger(label: "test"))
        try await delivering(first) { queue in
            _ = try await first.evaluate(results: share(0.8, at: now), at: now)
            await queue.waitUntilIdle()
            #expect(await transport.requests.count == 1)
        }

        // A restart: a new center on the reopened database; the drift still holds.
        let reopened = try SQLiteEventStore(path: path)
        let second = AlertCenter(
            store: reopened, configuration: configuration(), transport: transport, logger: Logger(label: "test"))
        try await delivering(second) { queue in
            for minute in 1...3 {
                let time = now + Double(minute) * 60
                _ = try await second.evaluate(results: share(0.8, at: time), at: time)
                await second.notify(at: time + 30)
            }
            await queue.waitUntilIdle()
            #expect(await transport.requests.count == 1, "the firing alert was notified before the restart")

            // The drift ends: the resolution is notified once.
            let later = now + 600
            _ = try await second.evaluate(results: share(0.1, at: later), at: later)
        }
        let requests = await transport.requests
        #expect(requests.count == 2)
        let last = try #require(requests.last)
        let body = try #require(try JSONSerialization.jsonObject(with: last.body) as? [String: Any])
        #expect(body["status"] as? String == "resolved")
        #expect(try await reopened.notificationLogDocuments().isEmpty, "a resolved group leaves the log")
    }
}
