import DriftWatchCore
import Foundation

/// The alert state machine: feeds monitor results through the rules and moves each alert through
/// inactive → pending → firing → resolved with Prometheus' semantics for `for` and
/// `keep_firing_for`.
///
/// A value type with an injected clock (`at:`), so that the same code runs live, in tests and in
/// ``Backtest``. Keep one evaluator inside the actor or service that runs the scheduled
/// evaluation, and call ``evaluate(_:results:baselines:at:)`` with the latest results:
///
/// ```swift
/// var evaluator = AlertEvaluator()
/// let transitions = evaluator.evaluate(rules, results: latestResults, baselines: baselines, at: now)
/// history.append(contentsOf: transitions)    // store them
/// planner.update(alerts: evaluator.alerts, at: now)  // route firing and resolved alerts
/// ```
///
/// Semantics per alert (one per rule and label set), at each evaluation:
/// - condition holds, alert unknown, inactive or resolved → `pending` with `activeAt = now`, or
///   straight to `firing` when `for` is zero;
/// - condition holds, alert pending for at least `for` → `firing`;
/// - condition does not hold, or the series has no result in this evaluation (stale) →
///   a pending alert becomes `inactive` and is dropped; a firing alert becomes `resolved`, unless
///   `keep_firing_for` is set and has not yet passed since the condition stopped holding;
/// - alerts of rules no longer given resolve the same way;
/// - resolved alerts stay in ``alerts`` for `resolvedRetention` (so resolved notifications can go
///   out), then are dropped without a transition.
public struct AlertEvaluator: Sendable {
    /// The alerts known now (pending, firing, and recently resolved), by key.
    public private(set) var alertsByKey: [AlertKey: Alert]
    /// How long resolved alerts stay listed.
    public var resolvedRetention: AlertDuration

    /// Creates an evaluator, optionally restoring alerts saved from a previous run.
    ///
    /// - Parameters:
    ///   - alerts: Alerts to resume with (for example the stored firing alerts after a restart).
    ///   - resolvedRetention: How long resolved alerts stay listed; 15 minutes as in Prometheus.
    public init(alerts: [Alert] = [], resolvedRetention: AlertDuration = .minutes(15)) {
        alertsByKey = Dictionary(alerts.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        self.resolvedRetention = resolvedRetention
    }

    /// The alerts known now, in a stable order (rule id, then labels).
    public var alerts: [Alert] {
        alertsByKey.keys.sorted().compactMap { alertsByKey[$0] }
    }

    /// The pending and firing alerts.
    public var activeAlerts: [Alert] {
        alerts.filter { $0.state == .pending || $0.state == .firing }
    }

    /// Runs one evaluation and returns the state changes it made, in a stable order.
    ///
    /// - Parameters:
    ///   - rules: The rules in force; alerts of rules not listed resolve.
    ///   - results: The current results of every series (only the latest window of each series
    ///     counts). A series without a result here counts as stale: its alerts resolve. Pass the
    ///     full current set, not only what changed.
    ///   - baselines: Reference baselines for adaptive and relative conditions.
    ///   - now: The evaluation time (the injected clock).
    public mutating func evaluate(
        _ rules: [AlertRule], results: [MonitorResult], baselines: ReferenceBaselines = .init(), at now: Date
    ) -> [AlertTransition] {
        evaluate(rules, snapshot: ResultSnapshot(results), baselines: baselines, at: now).transitions
    }

    /// The evaluation itself; also returns the matches by alert key, which backtests use for peaks.
    mutating func evaluate(
        _ rules: [AlertRule], snapshot: ResultSnapshot, baselines: ReferenceBaselines, at now: Date
    ) -> (transitions: [AlertTransition], matches: [AlertKey: AlertRuleMatch]) {
        var transitions: [AlertTransition] = []
        var matchesByKey: [AlertKey: AlertRuleMatch] = [:]
        var rulesByID: [String: AlertRule] = [:]
        for rule in rules where rulesByID[rule.id] == nil {
            rulesByID[rule.id] = rule
            for match in rule.matches(in: snapshot, baselines: baselines) {
                matchesByKey[AlertKey(ruleID: rule.id, labels: rule.alertLabels(for: match))] = match
            }
        }
        for (key, match) in matchesByKey where match.holds {
            guard let rule = rulesByID[key.ruleID] else { continue }
            if let transition = activate(key, rule: rule, match: match, at: now) { transitions.append(transition) }
        }
        for key in alertsByKey.keys where matchesByKey[key]?.holds != true {
            let match = matchesByKey[key]
            if let transition = deactivate(key, rule: rulesByID[key.ruleID], match: match, at: now) {
                transitions.append(transition)
            }
        }
        transitions.sort { ($0.key, $0.to.rawValue) < ($1.key, $1.to.rawValue) }
        return (transitions, matchesByKey)
    }

    /// The condition holds for `key`: start, promote or keep the alert.
    private mutating func activate(_ key: AlertKey, rule: AlertRule, match: AlertRuleMatch, at now: Date)
        -> AlertTransition?
    {
        var transition: AlertTransition?
        var alert: Alert
        if let existing = alertsByKey[key], existing.state == .pending || existing.state == .firing {
            alert = existing
            if alert.state == .pending, now.timeIntervalSince(alert.activeAt) >= rule.forDuration.seconds {
                alert.state = .firing
                alert.firedAt = now
                transition = AlertTransition(
                    ruleID: key.ruleID, labels: key.labels, from: .pending, to: .firing, at: now, value: match.value)
            }
            alert.keepFiringSince = nil
        } else {
            let previous = alertsByKey[key]?.state ?? .inactive
            let firesAtOnce = !rule.forDuration.isPositive
            alert = Alert(
                ruleID: key.ruleID, labels: key.labels, state: firesAtOnce ? .firing : .pending, value: match.value,
                activeAt: now, firedAt: firesAtOnce ? now : nil)
            transition = AlertTransition(
                ruleID: key.ruleID, labels: key.labels, from: previous, to: alert.state, at: now, value: match.value)
        }
        refresh(&alert, rule: rule, match: match, at: now)
        alertsByKey[key] = alert
        return transition
    }

    /// The condition does not hold for `key` (or its series is stale, or its rule is gone).
    private mutating func deactivate(_ key: AlertKey, rule: AlertRule?, match: AlertRuleMatch?, at now: Date)
        -> AlertTransition?
    {
        guard var alert = alertsByKey[key] else { return nil }
        let value = match?.value
        switch alert.state {
        case .pending, .inactive:
            alertsByKey[key] = nil
            guard alert.state == .pending else { return nil }
            return AlertTransition(
                ruleID: key.ruleID, labels: key.labels, from: .pending, to: .inactive, at: now, value: value)
        case .firing:
            if let rule, rule.keepFiringFor.isPositive {
                let since = alert.keepFiringSince ?? now
                if now.timeIntervalSince(since) < rule.keepFiringFor.seconds {
                    alert.keepFiringSince = since
                    if let match { refresh(&alert, rule: rule, match: match, at: now) }
                    alertsByKey[key] = alert
                    return nil
                }
            }
            alert.state = .resolved
            alert.resolvedAt = now
            alert.keepFiringSince = nil
            alert.lastEvaluatedAt = now
            if let value { alert.value = value }
            alertsByKey[key] = alert
            return AlertTransition(
                ruleID: key.ruleID, labels: key.labels, from: .firing, to: .resolved, at: now, value: value)
        case .resolved:
            if let resolvedAt = alert.resolvedAt, now.timeIntervalSince(resolvedAt) >= resolvedRetention.seconds {
                alertsByKey[key] = nil
            }
            return nil
        }
    }

    /// Updates what the alert shows from the latest match.
    private func refresh(_ alert: inout Alert, rule: AlertRule, match: AlertRuleMatch, at now: Date) {
        alert.value = match.value
        alert.lastEvaluatedAt = now
        alert.windowStart = match.windowStart ?? alert.windowStart
        alert.windowEnd = match.windowEnd ?? alert.windowEnd
        if !match.features.isEmpty { alert.features = match.features }
        alert.annotations = rule.annotations.rendered(labels: alert.labels, value: match.value)
    }
}
