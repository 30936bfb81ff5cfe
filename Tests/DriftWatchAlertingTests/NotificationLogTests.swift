import DriftWatchAlerting
import Foundation
import Testing

/// The notification log outlives the planner: a planner given the log a previous one left (as
/// after a restart) does not notify again what was already notified.
@Suite("Notification log across restarts")
struct NotificationLogTests {
    let configuration = AlertRoutingConfiguration(
        route: Route(
            receiver: "team", groupBy: ["alertname", "model"], groupWait: .seconds(30), groupInterval: .minutes(5),
            repeatInterval: .hours(4)),
        receivers: [Receiver(name: "team", integration: .webhook(WebhookReceiver(url: "http://127.0.0.1:9/team")))])

    /// A planner that notified `alert` once, and the log it leaves.
    func notifiedOnce(_ alert: Alert) throws -> [String: NotificationLogEntry] {
        var planner = NotificationPlanner(configuration: configuration)
        planner.update(alerts: [alert], at: epoch)
        #expect(planner.tick(at: at(seconds: 30)).count == 1)
        // The log is stored as JSON and read back on the next start.
        let stored = try JSONEncoder().encode(planner.notificationLog)
        let restored = try JSONDecoder().decode([String: NotificationLogEntry].self, from: stored)
        #expect(restored == planner.notificationLog)
        #expect(restored.count == 1)
        return restored
    }

    @Test("after a restart a firing alert already notified stays quiet until the repeat interval")
    func noRepeatAfterRestart() throws {
        let alert = firingAlert("FeatureDriftPSI", feature: "amount")
        let log = try notifiedOnce(alert)

        var restarted = NotificationPlanner(configuration: configuration, notificationLog: log)
        restarted.update(alerts: [alert], at: at(minutes: 10))
        #expect(restarted.tick(at: at(minutes: 10)).isEmpty, "already notified before the restart")
        #expect(restarted.tick(at: at(minutes: 200)).isEmpty)
        #expect(restarted.tick(at: at(minutes: 245)).map(\.alerts.count) == [1], "the repeat interval passed")

        // Without the log the same alert is notified again at once: what the log prevents.
        var forgetful = NotificationPlanner(configuration: configuration)
        forgetful.update(alerts: [alert], at: at(minutes: 10))
        #expect(forgetful.tick(at: at(minutes: 10)).count == 1)
    }

    @Test("after a restart a new alert in the group, and the resolution, are still notified")
    func changesAfterRestartAreNotified() throws {
        let amount = firingAlert("FeatureDriftPSI", feature: "amount")
        let log = try notifiedOnce(amount)

        var restarted = NotificationPlanner(configuration: configuration, notificationLog: log)
        let country = firingAlert("FeatureDriftPSI", feature: "country", firedAt: at(minutes: 9))
        restarted.update(alerts: [amount, country], at: at(minutes: 10))
        let grown = restarted.tick(at: at(minutes: 10))
        #expect(grown.map { $0.alerts.compactMap { $0.labels.value("feature") } } == [["amount", "country"]])

        restarted.update(
            alerts: [amount.resolved(at: at(minutes: 20)), country.resolved(at: at(minutes: 20))], at: at(minutes: 20))
        let resolved = restarted.tick(at: at(minutes: 20))
        #expect(resolved.map(\.status) == [.resolved])
        #expect(restarted.notificationLog.isEmpty, "a group whose alerts all resolved leaves the log")
    }

    @Test("an entry whose group never comes back is forgotten after the retention")
    func retention() throws {
        let log = try notifiedOnce(firingAlert("FeatureDriftPSI", feature: "amount"))
        var restarted = NotificationPlanner(configuration: configuration, notificationLog: log)
        _ = restarted.tick(at: at(minutes: 60))
        #expect(restarted.notificationLog == log)
        let sent = try #require(log.values.first?.at)
        _ = restarted.tick(at: sent + NotificationPlanner.notificationLogRetention + 1)
        #expect(restarted.notificationLog.isEmpty)
    }
}
