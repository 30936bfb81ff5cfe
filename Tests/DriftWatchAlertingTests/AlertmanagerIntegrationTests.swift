import DriftWatchAlerting
import DriftWatchCore
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Alerts delivered into a real Alertmanager (Debian's `prometheus-alertmanager`, installed by
/// `scripts/test`) and read back through its API.
@Suite(.serialized) struct AlertmanagerIntegrationTests {
    static let binary = "/usr/bin/prometheus-alertmanager"

    @Test func firingAlertsArriveInAlertmanager() async throws {
        #expect(
            FileManager.default.isExecutableFile(atPath: Self.binary),
            "Alertmanager is missing: apt-get install prometheus-alertmanager (scripts/test does this)")
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("am-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("alertmanager.yml")
        try """
        route:
          receiver: nobody
        receivers:
          - name: nobody
        """.write(to: config, atomically: true, encoding: .utf8)
        let port = Int.random(in: 20_000..<32_768)  // below the ephemeral range: no client holds it
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = [
            "--config.file=\(config.path)", "--storage.path=\(directory.path)",
            "--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address=",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let base = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<200 where !ready {
            if let (_, response) = try? await URLSession.shared.data(from: URL(string: base + "/-/ready")!),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                ready = true
            } else {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        #expect(ready, "Alertmanager answered /-/ready")

        // A drift alert raised by the shipped rules, routed to Alertmanager.
        let routing = AlertRoutingConfiguration(
            route: Route(receiver: "am", groupWait: .seconds(0)),
            receivers: [Receiver(name: "am", integration: .alertmanager(AlertmanagerReceiver(url: base)))])
        #expect(routing.validate().isEmpty)
        let now = Date()
        var evaluator = AlertEvaluator()
        let result = MonitorResult(
            modelID: "fraud", metric: "feature_drift_score", feature: "amount", windowStart: now - 3600,
            windowEnd: now, value: 0.42, details: #"{"method":"psi","drift":true}"#)
        _ = evaluator.evaluate(AlertRule.defaults, results: [result], at: now)
        var planner = NotificationPlanner(configuration: routing)
        planner.update(alerts: evaluator.alerts, at: now)
        let queue = DeliveryQueue(receivers: routing.receivers, transport: HTTPClientTransport())
        let worker = Task { await queue.run() }
        for notification in planner.tick(at: now + 1) { await queue.enqueue(notification) }
        await queue.waitUntilIdle()
        worker.cancel()
        #expect(await queue.statistics(for: "am").sent == 1)

        let (data, _) = try await URLSession.shared.data(from: URL(string: base + "/api/v2/alerts")!)
        let alerts = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let labels = alerts.compactMap { $0["labels"] as? [String: String] }
        let amount = labels.filter { $0["feature"] == "amount" && $0["model"] == "fraud" }
        #expect(!amount.isEmpty, "\(labels)")
        #expect(Set(amount.compactMap { $0["severity"] }) == ["warning", "critical"])
        let annotations = alerts.compactMap { $0["annotations"] as? [String: String] }
        #expect(annotations.contains { ($0["summary"] ?? "").isEmpty == false })
    }
}
