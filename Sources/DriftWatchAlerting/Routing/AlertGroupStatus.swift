import Foundation

/// A read-only view of one alert group in the planner, for display.
public struct AlertGroupStatus: Sendable, Hashable {
    /// The group's identity.
    public var groupKey: String
    /// The receiver it notifies.
    public var receiver: String
    /// The route it belongs to (see ``RouteDestination/routeID``).
    public var routeID: String
    /// The group labels.
    public var labels: AlertLabels
    /// Its firing and not yet notified resolved alerts.
    public var alerts: [Alert]
    /// When the group is next considered for a notification.
    public var nextFlushAt: Date
    /// When it was last notified; nil if never.
    public var lastNotifiedAt: Date?
}

/// Why an alert's notifications are held back.
public enum AlertMute: Sendable, Hashable {
    /// Active silences mute it (their ids).
    case silenced([String])
    /// A firing alert mutes it through an inhibition rule.
    case inhibited
}
