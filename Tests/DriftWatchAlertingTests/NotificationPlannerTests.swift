import DriftWatchAlerting
import Foundation
import Testing

@Suite("Routing, grouping and timing")
struct NotificationPlannerTests {
    static let receivers = ["team", "oncall", "retrain", "catchall"].map {
        Receiver(name: $0, integration: .webhook(WebhookReceiver(url: "http://127.0.0.1:9/\($0)")))
    }

    func configuration(
        groupBy: [String] = ["alertname", "model"], groupWait: AlertDuration = .seconds(30),
        groupInterval: AlertDuration = .minutes(5), repeatInterval: AlertDuration = .hours(1),
        routes: [Route] = [], inhibitRules: [InhibitRule] = []
    ) -> AlertRoutingConfiguration {
        AlertRoutingConfiguration(
            route: Route(
                receiver: "team", groupBy: groupBy, groupWait: groupWait, groupInterval: groupInterval,
                repeatInterval: repeatInterval, routes: routes),
            receivers: Self.receivers, inhibitRules: inhibitRules)
    }

    @Test("the route tree sends an alert to the first matching child, or on with `continue`")
    func routeTree() throws {
        let route = Route(
            receiver: "team", groupBy: ["alertname"],
            routes: [
                Route(receiver: "oncall", matchers: [.equal("severity", "critical")], continueMatching: true),
                Route(
                    receiver: "retrain", matchers: [try LabelMatcher("alertname", .regexMatch, "FeatureDrift.*")],
                    groupBy: ["model"], routes: [Route(matchers: [.equal("model", "churn")], groupWait: .seconds(1))]),
                Route(receiver: "catchall", matchers: [.equal("severity", "critical")]),
            ])
        func receivers(_ alert: Alert) -> [String] { route.destinations(for: alert.labels).map(\.receiver) }
        #expect(receivers(firingAlert("FeatureDriftPSI", severity: .critical)) == ["oncall", "retrain"])
        #expect(receivers(firingAlert("HighLatency", severity: .critical)) == ["oncall", "catchall"])
        #expect(receivers(firingAlert("FeatureDriftPSI")) == ["retrain"])
        #expect(receivers(firingAlert("HighLatency")) == ["team"])
        // A child inherits what it leaves out and overrides what it sets.
        let nested = try #require(route.destinations(for: firingAlert("FeatureDriftPSI", model: "churn").labels).first)
        #expect(nested.routeID == "0.1.0")
        #expect(nested.receiver == "retrain")
        #expect(nested.groupBy == ["model"])
        #expect(nested.groupWait == .seconds(1))
        #expect(nested.repeatInterval == Route.defaultRepeatInterval)
    }

    @Test("alerts of one group make one notification; other groups get their own")
    func grouping() throws {
        var planner = NotificationPlanner(configuration: configuration())
        planner.update(
            alerts: [
                firingAlert("FeatureDriftPSI", feature: "amount"), firingAlert("FeatureDriftPSI", feature: "country"),
                firingAlert("FeatureDriftPSI", model: "churn", feature: "tenure"), firingAlert("HighLatency"),
            ], at: epoch)
        let notifications = planner.tick(at: at(seconds: 30))
        #expect(notifications.count == 3)
        let fraudDrift = try #require(
            notifications.first { $0.groupLabels == ["alertname": "FeatureDriftPSI", "model": "fraud"] })
        #expect(fraudDrift.alerts.map { $0.labels.value("feature") } == ["amount", "country"])
        #expect(fraudDrift.commonLabels == ["alertname": "FeatureDriftPSI", "model": "fraud", "severity": "warning"])
        #expect(fraudDrift.commonAnnotations["summary"] == "FeatureDriftPSI on fraud")
        #expect(fraudDrift.status == .firing)
    }

    @Test("group_by [...] makes one group per alert")
    func groupByAll() {
        var planner = NotificationPlanner(configuration: configuration(groupBy: ["..."]))
        planner.update(alerts: [firingAlert("A", feature: "x"), firingAlert("A", feature: "y")], at: epoch)
        #expect(planner.tick(at: at(seconds: 30)).count == 2)
    }

    @Test("group_wait, group_interval and repeat_interval time the notifications")
    func timing() {
        var planner = NotificationPlanner(configuration: configuration())
        let first = firingAlert("FeatureDriftPSI", feature: "amount", firedAt: epoch)
        planner.update(alerts: [first], at: epoch)
        #expect(planner.tick(at: at(seconds: 29)).isEmpty)
        #expect(planner.tick(at: at(seconds: 30)).map(\.alerts.count) == [1])

        // A second alert joins the group; it waits for the group interval.
        let second = firingAlert("FeatureDriftPSI", feature: "country", firedAt: at(minutes: 1))
        planner.update(alerts: [first, second], at: at(minutes: 1))
        #expect(planner.tick(at: at(minutes: 1)).isEmpty)
        #expect(planner.tick(at: at(minutes: 5, seconds: 29)).isEmpty)
        #expect(planner.tick(at: at(minutes: 5, seconds: 30)).map(\.alerts.count) == [2])

        // Nothing changes: quiet flushes every 5 minutes until the repeat interval (1h) has passed.
        var repeated: [Date] = []
        for step in 1...13 {
            let now = at(minutes: 5 + 5 * Double(step), seconds: 30)
            if !planner.tick(at: now).isEmpty { repeated.append(now) }
        }
        #expect(repeated == [at(minutes: 65, seconds: 30)])
    }

    @Test("a resolved alert is notified at the next flush when the receiver sends resolved")
    func resolvedNotification() throws {
        var planner = NotificationPlanner(configuration: configuration())
        let alert = firingAlert("HighLatency")
        planner.update(alerts: [alert], at: epoch)
        _ = planner.tick(at: at(seconds: 30))
        planner.update(alerts: [alert.resolved(at: at(minutes: 2))], at: at(minutes: 2))
        #expect(planner.tick(at: at(minutes: 2)).isEmpty)
        let resolved = try #require(planner.tick(at: at(minutes: 5, seconds: 30)).first)
        #expect(resolved.status == .resolved)
        #expect(resolved.alerts.first?.resolvedAt == at(minutes: 2))
        // The group is gone; the evaluator's retained copy does not bring it back.
        planner.update(alerts: [alert.resolved(at: at(minutes: 2))], at: at(minutes: 6))
        #expect(planner.groupStatuses.isEmpty)
        #expect(planner.tick(at: at(minutes: 30)).isEmpty)
    }

    @Test("without send_resolved, a resolution sends nothing")
    func withoutSendResolved() {
        var config = configuration()
        config.receivers[0].sendResolved = false
        var planner = NotificationPlanner(configuration: config)
        let alert = firingAlert("HighLatency")
        planner.update(alerts: [alert], at: epoch)
        #expect(planner.tick(at: at(seconds: 30)).count == 1)
        planner.update(alerts: [alert.resolved(at: at(minutes: 1))], at: at(minutes: 1))
        #expect(planner.tick(at: at(minutes: 5, seconds: 30)).isEmpty)
    }

    @Test("a firing alert that disappears from the evaluator's list resolves")
    func vanishedAlert() {
        var planner = NotificationPlanner(configuration: configuration())
        planner.update(alerts: [firingAlert("HighLatency")], at: epoch)
        _ = planner.tick(at: at(seconds: 30))
        planner.update(alerts: [], at: at(minutes: 1))
        let notification = planner.tick(at: at(minutes: 5, seconds: 30)).first
        #expect(notification?.status == .resolved)
        #expect(notification?.alerts.first?.resolvedAt == at(minutes: 1))
    }

    @Test("a firing critical alert mutes the matching warning, not a non-matching one")
    func inhibition() throws {
        var planner = NotificationPlanner(
            configuration: configuration(groupBy: ["..."], inhibitRules: InhibitRule.defaults))
        let critical = firingAlert("FeatureDriftPSI", severity: .critical, feature: "amount")
        let mutedWarning = firingAlert("FeatureDriftPSI", severity: .warning, feature: "amount")
        let otherFeature = firingAlert("FeatureDriftPSI", severity: .warning, feature: "country")
        let otherAlert = firingAlert("MissingValues", severity: .warning, feature: "amount")
        planner.update(alerts: [critical, mutedWarning, otherFeature, otherAlert], at: epoch)
        #expect(planner.mute(for: mutedWarning.labels, at: epoch) == .inhibited)
        #expect(planner.mute(for: critical.labels, at: epoch) == nil)
        let notified = planner.tick(at: at(seconds: 30)).flatMap(\.alerts).map(\.labels)
        #expect(Set(notified) == [critical.labels, otherFeature.labels, otherAlert.labels])

        // Once the critical alert resolves, the warning is no longer muted.
        planner.update(
            alerts: [critical.resolved(at: at(minutes: 1)), mutedWarning, otherFeature, otherAlert], at: at(minutes: 1))
        let later = planner.tick(at: at(minutes: 5, seconds: 30))
        #expect(later.contains { $0.alerts.map(\.labels) == [mutedWarning.labels] && $0.status == .firing })
    }

    @Test("an alert matching both sides of an inhibition rule does not mute itself")
    func noSelfInhibition() {
        let rule = InhibitRule(
            sourceMatchers: [.equal("alertname", "A")], targetMatchers: [.equal("alertname", "A")], equal: ["model"])
        let alert = firingAlert("A")
        #expect(!rule.mutes(alert.labels, among: [alert.labels]))
    }

    @Test("a silence mutes until ends_at; the alert is notified at the first flush after")
    func silenceExpiry() throws {
        let silence = Silence(
            matchers: [.equal("model", "fraud")], startsAt: epoch, endsAt: at(minutes: 12), createdBy: "alice",
            comment: "planned retraining")
        #expect(silence.validate().isEmpty)
        var planner = NotificationPlanner(configuration: configuration(), silences: [silence])
        let fraud = firingAlert("HighLatency")
        let churn = firingAlert("HighLatency", model: "churn")
        planner.update(alerts: [fraud, churn], at: epoch)
        #expect(planner.mute(for: fraud.labels, at: at(minutes: 1)) == .silenced([silence.id]))
        #expect(planner.tick(at: at(seconds: 30)).map { $0.groupLabels.value("model") } == ["churn"])
        for minute in [5.5, 10.5] {
            #expect(planner.tick(at: at(minutes: minute)).isEmpty)
        }
        #expect(silence.state(at: at(minutes: 12)) == .expired)
        let after = planner.tick(at: at(minutes: 15.5))
        #expect(after.map { $0.groupLabels.value("model") } == ["fraud"])
    }

    @Test("expiring a silence early unmutes at once")
    func expireEarly() {
        let silence = Silence(
            id: "s1", matchers: [.equal("model", "fraud")], startsAt: epoch, endsAt: at(minutes: 600), createdBy: "bob",
            comment: "noise")
        var planner = NotificationPlanner(configuration: configuration(), silences: [silence])
        let alert = firingAlert("HighLatency")
        planner.update(alerts: [alert], at: epoch)
        #expect(planner.tick(at: at(seconds: 30)).isEmpty)
        let expired = planner.expireSilence(id: "s1", at: at(minutes: 2))
        #expect(expired)
        #expect(planner.silences.first?.state(at: at(minutes: 2)) == .expired)
        #expect(planner.tick(at: at(minutes: 5, seconds: 30)).count == 1)
    }

    @Test("silences that would mute everything or end before they start are rejected")
    func silenceValidation() throws {
        let everything = Silence(
            matchers: [try LabelMatcher("model", .regexMatch, ".*")], startsAt: at(minutes: 5), endsAt: epoch,
            createdBy: "", comment: "")
        #expect(Set(everything.validate().map(\.field)) == ["matchers", "ends_at", "created_by", "comment"])
    }

    @Test("routing configuration decodes and validation names bad references")
    func configurationValidation() throws {
        let yamlLike = """
            {"route": {"receiver": "team", "group_by": ["alertname"], "group_wait": "10s",
                       "routes": [{"matchers": ["severity=\\"critical\\""], "receiver": "pager", "group_interval": "0s"}]},
             "receivers": [{"name": "team", "slack": {"url": "https://hooks.slack.com/services/x"}},
                           {"name": "team", "webhook": {"url": "not a url"}}],
             "inhibit_rules": [{"source_matchers": [], "target_matchers": ["severity=warning"], "equal": ["model"]}]}
            """
        let config = try decode(AlertRoutingConfiguration.self, yamlLike)
        #expect(config.route.groupWait == .seconds(10))
        #expect(
            Set(config.validate().map(\.field)) == [
                "receivers[1].webhook.url", "receivers[1].name", "route.routes[0].receiver",
                "route.routes[0].group_interval", "inhibit_rules[0].source_matchers",
            ])
        let problem = try #require(
            decodingProblem(
                AlertRoutingConfiguration.self,
                #"{"route": {"receiver": "a", "group_wait": "soon"}, "receivers": []}"#))
        #expect(problem.field == "route.group_wait")
        let receiverProblem = try #require(
            decodingProblem(Receiver.self, #"{"name": "x", "slack": {"url": "u"}, "webhook": {"url": "u"}}"#))
        #expect(receiverProblem.message.contains("found webhook and slack"))
    }
}
