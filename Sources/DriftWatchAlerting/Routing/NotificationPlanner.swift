import Foundation

/// Decides which notifications go out and when, with Alertmanager's semantics: routing, grouping,
/// `group_wait` / `group_interval` / `repeat_interval`, inhibition, silences and resolved
/// notifications.
///
/// A value type with an injected clock. Feed it the evaluator's alerts after each evaluation and
/// call ``tick(at:)`` regularly (every few seconds); hand what it returns to a ``DeliveryQueue``:
///
/// ```swift
/// var planner = NotificationPlanner(configuration: routing)
/// planner.update(alerts: evaluator.alerts, at: now)
/// for notification in planner.tick(at: now) {
///     await deliveryQueue.enqueue(notification)
/// }
/// ```
///
/// How notifications are timed (per group: route × receiver × values of the `group_by` labels):
/// - a new group's first flush is `group_wait` after its first alert arrived (at once when that
///   alert started firing longer than `group_wait` ago, as after a restart);
/// - after each flush the next is `group_interval` later;
/// - a flush notifies when an alert fires that the last notification did not include, when every
///   notified alert has resolved, when newly resolved alerts are to be sent (`send_resolved`), or
///   when `repeat_interval` has passed since the last notification; otherwise it stays quiet;
/// - silenced and inhibited alerts are left out of flushes, so when a silence ends the alert is
///   notified at the group's next flush;
/// - resolved alerts leave the group after the flush that saw them.
///
/// A notification counts as sent when it is returned; delivery retries are the queue's business.
public struct NotificationPlanner: Sendable {
    /// The routing tree, receivers and inhibition rules in force.
    public private(set) var configuration: AlertRoutingConfiguration
    /// The silences known (pending, active and expired alike; only active ones mute).
    public var silences: [Silence]

    private var groups: [String: AlertGroup] = [:]
    /// How long a log entry outlives its group (Alertmanager's default `--data.retention`).
    public static let notificationLogRetention: TimeInterval = 120 * 3600
    /// What each group was last told, by group key. Store it after each ``tick(at:)`` that
    /// changed it and give it back to the next planner (after a restart), so that alerts already
    /// notified are not notified again merely because the process restarted.
    public private(set) var notificationLog: [String: NotificationLogEntry] = [:]
    /// Labels of every firing alert of the last update: the sources of inhibition.
    private var firingLabels: [AlertLabels] = []
    /// Resolved alerts already flushed, with their resolution time, so that the evaluator's
    /// retained copies do not re-enter groups.
    private var settled: [AlertKey: Date] = [:]

    /// Creates a planner.
    ///
    /// - Parameters:
    ///   - configuration: The routing configuration (validate it first).
    ///   - silences: The silences to start with.
    ///   - notificationLog: The log a previous planner left (``notificationLog``).
    public init(
        configuration: AlertRoutingConfiguration, silences: [Silence] = [],
        notificationLog: [String: NotificationLogEntry] = [:]
    ) {
        self.configuration = configuration
        self.silences = silences
        self.notificationLog = notificationLog
    }

    /// Takes the log a previous planner left, replacing this one's (for a planner created before
    /// its state could be read).
    public mutating func restore(notificationLog: [String: NotificationLogEntry]) {
        self.notificationLog = notificationLog
    }

    /// Takes the current alerts (typically ``AlertEvaluator/alerts``) and files the firing and
    /// resolved ones into their groups. Pending alerts are ignored; a firing alert that no longer
    /// appears is treated as resolved at `now`.
    public mutating func update(alerts: [Alert], at now: Date) {
        let routed = alerts.filter { $0.state == .firing || $0.state == .resolved }
        firingLabels = routed.filter { $0.state == .firing }.map(\.labels)
        let present = Set(routed.map(\.key))
        settled = settled.filter { present.contains($0.key) }
        for alert in routed {
            if alert.state == .resolved, let resolvedAt = alert.resolvedAt, settled[alert.key] == resolvedAt {
                continue
            }
            settled[alert.key] = nil
            for destination in configuration.route.destinations(for: alert.labels) {
                let key = destination.groupKey(for: alert.labels)
                if groups[key] == nil {
                    let waitEnds = now + destination.groupWait
                    let alreadyLate = alert.state == .firing && alert.startsAt + destination.groupWait < now
                    groups[key] = AlertGroup(
                        key: key, destination: destination, labels: destination.groupLabels(for: alert.labels),
                        nextFlushAt: alreadyLate ? now : waitEnds)
                }
                groups[key]?.alerts[alert.key] = alert
            }
        }
        for (key, group) in groups {
            for (alertKey, alert) in group.alerts where alert.state == .firing && !present.contains(alertKey) {
                var resolved = alert
                resolved.state = .resolved
                resolved.resolvedAt = now
                groups[key]?.alerts[alertKey] = resolved
            }
        }
    }

    /// The notifications due at `now`, in group order; call it regularly with the current time.
    public mutating func tick(at now: Date) -> [AlertNotification] {
        var notifications: [AlertNotification] = []
        for key in groups.keys.sorted() {
            guard var group = groups[key], group.nextFlushAt <= now else { continue }
            if let notification = flush(&group, at: now) { notifications.append(notification) }
            for (alertKey, alert) in group.alerts where alert.state == .resolved {
                group.alerts[alertKey] = nil
                if let resolvedAt = alert.resolvedAt { settled[alertKey] = resolvedAt }
            }
            group.nextFlushAt = now + group.destination.groupInterval
            if group.alerts.isEmpty {
                groups[key] = nil
                notificationLog[key] = nil
            } else {
                groups[key] = group
            }
        }
        // Entries of groups that never came back after a restart (their alerts were dropped by a
        // rule change meanwhile) are forgotten after a while, as Alertmanager's log retention does.
        notificationLog = notificationLog.filter { key, entry in
            groups[key] != nil || entry.at + Self.notificationLogRetention > now
        }
        return notifications
    }

    /// Why an alert's notifications are held back at `date`, or nil when they are not.
    public func mute(for labels: AlertLabels, at date: Date) -> AlertMute? {
        let silencing = silences.filter { $0.mutes(labels, at: date) }.map(\.id)
        if !silencing.isEmpty { return .silenced(silencing) }
        if configuration.inhibitRules.contains(where: { $0.mutes(labels, among: firingLabels) }) { return .inhibited }
        return nil
    }

    /// Ends the silence with this id at `date`; false when there is none.
    @discardableResult
    public mutating func expireSilence(id: String, at date: Date) -> Bool {
        guard let index = silences.firstIndex(where: { $0.id == id }) else { return false }
        silences[index] = silences[index].expired(at: date)
        return true
    }

    /// Replaces the configuration. Groups are rebuilt by the next ``update(alerts:at:)``; the
    /// record of what each group was last told is kept, so alerts already notified are not
    /// notified again merely because of the reload.
    public mutating func reconfigure(_ configuration: AlertRoutingConfiguration) {
        self.configuration = configuration
        groups = [:]
        settled = [:]
    }

    /// The groups with their alerts, in key order.
    public var groupStatuses: [AlertGroupStatus] {
        groups.keys.sorted().compactMap { key in
            guard let group = groups[key] else { return nil }
            return AlertGroupStatus(
                groupKey: key, receiver: group.destination.receiver, routeID: group.destination.routeID,
                labels: group.labels, alerts: group.alerts.keys.sorted().compactMap { group.alerts[$0] },
                nextFlushAt: group.nextFlushAt, lastNotifiedAt: notificationLog[key]?.at)
        }
    }

    /// Decides whether a due group notifies and records what it said.
    private mutating func flush(_ group: inout AlertGroup, at now: Date) -> AlertNotification? {
        let visible = group.alerts.keys.sorted().compactMap { group.alerts[$0] }.filter {
            mute(for: $0.labels, at: now) == nil
        }
        let firing = visible.filter { $0.state == .firing }
        let resolved = visible.filter { $0.state == .resolved }
        let sendResolved = configuration.receiver(named: group.destination.receiver)?.sendResolved ?? true
        let firingKeys = Set(firing.map(\.key))
        let resolvedKeys = Set(resolved.map(\.key))
        guard
            NotificationLogEntry.needsUpdate(
                notificationLog[group.key], firing: firingKeys, resolved: resolvedKeys, sendResolved: sendResolved,
                repeatInterval: group.destination.repeatInterval, at: now)
        else { return nil }
        notificationLog[group.key] = NotificationLogEntry(firing: firingKeys, resolved: resolvedKeys, at: now)
        let alerts = firing + (sendResolved ? resolved : [])
        guard !alerts.isEmpty else { return nil }
        return AlertNotification(
            receiver: group.destination.receiver, groupKey: group.key, groupLabels: group.labels, alerts: alerts,
            createdAt: now)
    }
}
