import DriftWatchAlerting
import Foundation
import Testing

/// Receivers and the delivery queue against a real HTTP server on 127.0.0.1.
@Suite("Receivers and delivery")
struct ReceiverDeliveryTests {
    /// Two drift alerts of one group, as the planner would produce them.
    static func driftNotification(receiver: String, status: AlertState = .firing) -> AlertNotification {
        var alerts: [Alert] = []
        for (feature, value) in [("amount", 0.34), ("country", 0.27)] {
            var labels: AlertLabels = [
                "alertname": "FeatureDriftPSI", "severity": "critical", "model": "fraud", "version": "v3",
                "team": "risk",
            ]
            labels["feature"] = feature
            var alert = Alert(
                ruleID: "psi-drift-critical", labels: labels,
                annotations: AlertAnnotations(
                    summary: "PSI drift on \(feature)", description: "Inputs shifted.",
                    runbookURL: "https://runbooks.example.com/drift", nextSteps: ["Compare histograms", "Retrain"]),
                state: .firing, value: value, activeAt: at(minutes: 0), firedAt: at(minutes: 1),
                windowStart: at(minutes: feature == "amount" ? -60 : -120), windowEnd: at(minutes: 0),
                features: [feature])
            if status == .resolved { alert = alert.resolved(at: at(minutes: 30)) }
            alerts.append(alert)
        }
        return AlertNotification(
            receiver: receiver, groupKey: "0:\(receiver):{alertname=\"FeatureDriftPSI\", model=\"fraud\"}",
            groupLabels: ["alertname": "FeatureDriftPSI", "model": "fraud"], alerts: alerts, createdAt: at(minutes: 2))
    }

    /// Delivers `notifications` to `receiver` through a queue with the real HTTP transport.
    static func deliver(
        _ notifications: [AlertNotification], to receiver: Receiver, retry: RetryPolicy = RetryPolicy(maxAttempts: 1),
        sentAt: Date = at(minutes: 2)
    ) async -> DeliveryQueue {
        // A generous timeout: on a loaded machine a slow answer must not turn into a retry.
        let queue = DeliveryQueue(
            receivers: [receiver], transport: HTTPClientTransport(timeout: .seconds(300)), retryPolicy: retry,
            externalURL: "https://driftwatch.example.com", clock: { sentAt })
        let worker = Task { await queue.run() }
        for notification in notifications { await queue.enqueue(notification) }
        await queue.waitUntilIdle()
        worker.cancel()
        await worker.value
        return queue
    }

    @Test("generic webhook: Alertmanager-style JSON, signed with HMAC-SHA256 over timestamp and body")
    func webhook() async throws {
        try await withRecordingServer { base, log in
            let receiver = Receiver(
                name: "hook",
                integration: .webhook(
                    WebhookReceiver(url: base + "/hooks/driftwatch", secret: "s3cr3t", headers: ["X-Team": "ml"])))
            let queue = await Self.deliver([Self.driftNotification(receiver: "hook")], to: receiver)
            let request = try #require(await log.requests.first)
            #expect(request.path == "/hooks/driftwatch")
            #expect(request.header("content-type") == "application/json")
            #expect(request.header("x-team") == "ml")
            let body = try request.object()
            #expect(body["status"] as? String == "firing")
            #expect(body["receiver"] as? String == "hook")
            #expect(body["version"] as? String == "4")
            #expect(body["groupLabels"] as? [String: String] == ["alertname": "FeatureDriftPSI", "model": "fraud"])
            let common = try #require(body["commonLabels"] as? [String: String])
            #expect(common["model"] == "fraud" && common["severity"] == "critical" && common["feature"] == nil)
            let annotations = try #require(body["commonAnnotations"] as? [String: String])
            #expect(annotations["runbook_url"] == "https://runbooks.example.com/drift")
            #expect(annotations["summary"] == nil)
            let alerts = try #require(body["alerts"] as? [[String: Any]])
            #expect(alerts.count == 2)
            #expect(alerts[0]["startsAt"] as? String == "2025-01-01T00:01:00Z")
            #expect(alerts[0]["endsAt"] as? String == "0001-01-01T00:00:00Z")
            #expect(
                (alerts[0]["generatorURL"] as? String)?.hasPrefix("https://driftwatch.example.com/v1/alerts/") == true)
            #expect(alerts[1]["value"] as? Double == 0.27)

            // The signature covers "<timestamp>." + the exact body bytes received.
            let timestamp = try #require(request.header(WebhookSignature.timestampHeader).flatMap { Int64($0) })
            #expect(timestamp == Int64(at(minutes: 2).timeIntervalSince1970))
            let signature = try #require(request.header(WebhookSignature.signatureHeader))
            #expect(signature.hasPrefix("sha256=") && signature.count == 71)
            #expect(
                WebhookSignature(secret: "s3cr3t").isValid(
                    signature: signature, for: request.body, timestamp: timestamp))
            #expect(
                !WebhookSignature(secret: "wrong").isValid(
                    signature: signature, for: request.body, timestamp: timestamp))
            #expect(await queue.statistics(for: "hook").sent == 1)
        }
    }

    @Test("a webhook without a secret sends no signature headers")
    func unsignedWebhook() async throws {
        try await withRecordingServer { base, log in
            let receiver = Receiver(name: "hook", integration: .webhook(WebhookReceiver(url: base + "/plain")))
            _ = await Self.deliver([Self.driftNotification(receiver: "hook")], to: receiver)
            let request = try #require(await log.requests.first)
            #expect(request.header(WebhookSignature.signatureHeader) == nil)
            #expect(request.header(WebhookSignature.timestampHeader) == nil)
        }
    }

    @Test("Slack: text fallback and blocks with severity, summary and runbook link")
    func slack() async throws {
        try await withRecordingServer { base, log in
            let receiver = Receiver(
                name: "slack",
                integration: .slack(SlackReceiver(url: base + "/services/T0/B0/X", channel: "#ml-alerts")))
            _ = await Self.deliver([Self.driftNotification(receiver: "slack")], to: receiver)
            let request = try #require(await log.requests.first)
            #expect(request.path == "/services/T0/B0/X")
            let body = try request.object()
            #expect((body["text"] as? String)?.contains("[FIRING:2] FeatureDriftPSI") == true)
            #expect(body["channel"] as? String == "#ml-alerts")
            let blocks = try #require(body["blocks"] as? [[String: Any]])
            #expect(blocks.first?["type"] as? String == "header")
            let sections = blocks.filter { $0["type"] as? String == "section" }.compactMap {
                ($0["text"] as? [String: Any])?["text"] as? String
            }
            #expect(sections.count == 2)
            #expect(sections[0].contains("severity *critical*"))
            #expect(sections[0].contains("PSI drift on amount"))
            #expect(sections[0].contains("<https://runbooks.example.com/drift|"))
            #expect(sections[0].contains("• Compare histograms"))
        }
    }

    @Test("PagerDuty: trigger then resolve in order, with the same dedup key, runbook link and details")
    func pagerDuty() async throws {
        try await withRecordingServer { base, log in
            let receiver = Receiver(
                name: "oncall",
                integration: .pagerDuty(PagerDutyReceiver(routingKey: "R0UT1NGKEY", url: base + "/v2/enqueue")))
            let firing = Self.driftNotification(receiver: "oncall")
            let resolved = Self.driftNotification(receiver: "oncall", status: .resolved)
            // Deliveries of one group keep their order: a resolve never overtakes its trigger.
            _ = await Self.deliver([firing, resolved, firing, resolved], to: receiver)
            let requests = await log.requests
            let actions = try requests.map { try $0.object()["event_action"] as? String }
            #expect(actions == ["trigger", "resolve", "trigger", "resolve"])
            let trigger = try requests[0].object()
            let resolve = try requests[1].object()
            #expect(trigger["routing_key"] as? String == "R0UT1NGKEY")
            #expect(trigger["event_action"] as? String == "trigger")
            #expect(resolve["event_action"] as? String == "resolve")
            let dedupKey = try #require(trigger["dedup_key"] as? String)
            #expect(dedupKey.count == 64)
            #expect(resolve["dedup_key"] as? String == dedupKey)
            let payload = try #require(trigger["payload"] as? [String: Any])
            #expect(payload["severity"] as? String == "critical")
            #expect(payload["source"] as? String == "driftwatch/fraud")
            #expect((payload["summary"] as? String)?.isEmpty == false)
            let details = try #require(payload["custom_details"] as? [String: Any])
            #expect(details["firing"] as? Int == 2)
            let links = try #require(trigger["links"] as? [[String: String]])
            #expect(links == [["href": "https://runbooks.example.com/drift", "text": "Runbook"]])
            #expect(resolve["payload"] == nil)
        }
    }

    @Test("Alertmanager: POST /api/v2/alerts with postable alerts")
    func alertmanager() async throws {
        try await withRecordingServer { base, log in
            let receiver = Receiver(
                name: "am", integration: .alertmanager(AlertmanagerReceiver(url: base + "/", validity: .minutes(15))))
            _ = await Self.deliver([Self.driftNotification(receiver: "am")], to: receiver)
            let request = try #require(await log.requests.first)
            #expect(request.path == "/api/v2/alerts")
            let alerts = try #require(try request.json() as? [[String: Any]])
            #expect(alerts.count == 2)
            let first = alerts[0]
            #expect(Set(first.keys) == ["labels", "annotations", "startsAt", "endsAt", "generatorURL"])
            #expect((first["labels"] as? [String: String])?["feature"] == "amount")
            #expect((first["annotations"] as? [String: String])?["next_steps"] == "Compare histograms\nRetrain")
            #expect(first["startsAt"] as? String == "2025-01-01T00:01:00Z")
            // Sent at 00:02, valid for 15 minutes.
            #expect(first["endsAt"] as? String == "2025-01-01T00:17:00Z")
        }
    }

    @Test("retraining trigger: names the model, version, drifted features and window; silent on resolve")
    func retraining() async throws {
        try await withRecordingServer { base, log in
            let receiver = Receiver(
                name: "retrain",
                integration: .retraining(RetrainingReceiver(url: base + "/pipelines/retrain", secret: "k")))
            _ = await Self.deliver(
                [
                    Self.driftNotification(receiver: "retrain"),
                    Self.driftNotification(receiver: "retrain", status: .resolved),
                ],
                to: receiver)
            let requests = await log.requests
            #expect(requests.count == 1)
            let request = try #require(requests.first)
            let body = try request.object()
            #expect(body["event"] as? String == "retraining_requested")
            #expect(body["model"] as? String == "fraud")
            #expect(body["version"] as? String == "v3")
            #expect(body["features"] as? [String] == ["amount", "country"])
            #expect(
                body["window"] as? [String: String] == ["start": "2024-12-31T22:00:00Z", "end": "2025-01-01T00:00:00Z"])
            let timestamp = try #require(request.header(WebhookSignature.timestampHeader).flatMap { Int64($0) })
            let signature = try #require(request.header(WebhookSignature.signatureHeader))
            #expect(
                WebhookSignature(secret: "k").isValid(signature: signature, for: request.body, timestamp: timestamp))
        }
    }

    @Test("a server answering 500 twice then 200 gets the same request three times; counters show it")
    func retriesWithBackoff() async throws {
        try await withRecordingServer(statuses: [500, 500], thereafter: 200) { base, log in
            let receiver = Receiver(name: "hook", integration: .webhook(WebhookReceiver(url: base + "/flaky")))
            let queue = await Self.deliver(
                [Self.driftNotification(receiver: "hook")], to: receiver,
                retry: RetryPolicy(
                    maxAttempts: 4, baseDelay: .init(milliseconds: 10), maxDelay: .init(milliseconds: 40)))
            let requests = await log.requests
            #expect(requests.count == 3)
            #expect(Set(requests.map(\.body)).count == 1)
            let stats = await queue.statistics(for: "hook")
            #expect(stats.sent == 1)
            #expect(stats.retried == 2)
            #expect(stats.failed == 0)
            #expect(stats.lastError?.contains("HTTP 500") == true)
        }
    }

    @Test("a server that always fails exhausts the attempts and the failure is counted")
    func countsFailure() async throws {
        try await withRecordingServer(thereafter: 503) { base, log in
            let receiver = Receiver(name: "hook", integration: .webhook(WebhookReceiver(url: base + "/down")))
            let queue = await Self.deliver(
                [Self.driftNotification(receiver: "hook")], to: receiver,
                retry: RetryPolicy(maxAttempts: 3, baseDelay: .init(milliseconds: 5), maxDelay: .init(milliseconds: 20))
            )
            #expect(await log.requests.count == 3)
            let stats = await queue.statistics(for: "hook")
            #expect(stats.sent == 0)
            #expect(stats.failed == 1)
            #expect(stats.retried == 2)
            #expect(stats.lastError?.contains("HTTP 503") == true)
        }
    }

    @Test("a client error is not retried")
    func noRetryOnClientError() async throws {
        try await withRecordingServer(thereafter: 404) { base, log in
            let receiver = Receiver(name: "hook", integration: .webhook(WebhookReceiver(url: base + "/gone")))
            let queue = await Self.deliver(
                [Self.driftNotification(receiver: "hook")], to: receiver,
                retry: RetryPolicy(maxAttempts: 5, baseDelay: .init(milliseconds: 5)))
            #expect(await log.requests.count == 1)
            #expect(await queue.statistics(for: "hook").failed == 1)
            #expect(await queue.statistics(for: "hook").retried == 0)
        }
    }

    @Test("backoff doubles from the base and stops at the maximum")
    func backoffSchedule() {
        let policy = RetryPolicy(maxAttempts: 8, baseDelay: .seconds(1), maxDelay: .seconds(10), jitter: false)
        #expect((1...6).map { policy.delay(afterAttempt: $0).seconds } == [1, 2, 4, 8, 10, 10])
    }

    @Test("a full queue drops and counts instead of blocking; unknown receivers count as failed")
    func boundedQueue() async {
        let receiver = Receiver(name: "hook", integration: .webhook(WebhookReceiver(url: "http://127.0.0.1:9/none")))
        let queue = DeliveryQueue(receivers: [receiver], transport: HTTPClientTransport(), capacity: 2)
        // No worker runs, so nothing leaves the queue; each notification is one request.
        var accepted: [Bool] = []
        for _ in 0..<4 { accepted.append(await queue.enqueue(Self.driftNotification(receiver: "hook"))) }
        #expect(accepted == [true, true, false, false])
        #expect(await queue.droppedCount == 2)
        #expect(await queue.pendingCount == 2)
        #expect(await queue.statistics(for: "hook").dropped == 2)
        #expect(await queue.enqueue(Self.driftNotification(receiver: "nobody")) == false)
        #expect(await queue.statistics(for: "nobody").failed == 1)
    }
}
