import Foundation

/// The alerts of one route, receiver and set of group label values, and when they are next
/// considered for a notification.
struct AlertGroup: Sendable {
    var key: String
    var destination: RouteDestination
    var labels: AlertLabels
    var alerts: [AlertKey: Alert] = [:]
    var nextFlushAt: Date
}

/// What the last notification of a group said, as in Alertmanager's notification log: which alerts
/// were firing and which resolved, and when. It decides whether the next flush notifies, so it is
/// kept across restarts (see ``NotificationPlanner/notificationLog``).
public struct NotificationLogEntry: Sendable, Hashable, Codable {
    /// The alerts the notification reported firing.
    public var firing: Set<AlertKey>
    /// The resolved alerts it reported.
    public var resolved: Set<AlertKey>
    /// When it was sent.
    public var at: Date

    /// Creates an entry.
    public init(firing: Set<AlertKey>, resolved: Set<AlertKey>, at: Date) {
        self.firing = firing
        self.resolved = resolved
        self.at = at
    }

    /// Alertmanager's dedup decision: notify when new alerts fire, when everything notified has
    /// resolved, when newly resolved alerts are to be sent, or when the repeat interval has passed.
    static func needsUpdate(
        _ entry: NotificationLogEntry?, firing: Set<AlertKey>, resolved: Set<AlertKey>, sendResolved: Bool,
        repeatInterval: AlertDuration, at now: Date
    ) -> Bool {
        guard let entry else { return !firing.isEmpty }
        if !firing.isSubset(of: entry.firing) { return true }
        if firing.isEmpty { return !entry.firing.isEmpty }
        if sendResolved && !resolved.isSubset(of: entry.resolved) { return true }
        return now >= entry.at + repeatInterval
    }
}
