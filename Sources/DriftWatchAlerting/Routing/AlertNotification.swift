import Foundation

/// One notification for one alert group and receiver: what ``NotificationPlanner/tick(at:)``
/// returns and what the receivers turn into HTTP requests.
public struct AlertNotification: Sendable, Hashable, Codable {
    /// Whether the group still has firing alerts.
    public enum Status: String, Sendable, Hashable, Codable {
        /// At least one alert of the notification fires.
        case firing
        /// Every alert of the notification has resolved.
        case resolved
    }

    /// The receiver name.
    public var receiver: String
    /// The group's identity (route, receiver, group labels); stable for the group's life.
    public var groupKey: String
    /// Firing if any alert fires, resolved otherwise.
    public var status: Status
    /// The labels that define the group (the route's `group_by` labels).
    public var groupLabels: AlertLabels
    /// The labels every alert of the notification shares.
    public var commonLabels: AlertLabels
    /// The annotation fields every alert shares, as flat strings.
    public var commonAnnotations: [String: String]
    /// The alerts: firing ones first, then resolved ones (when the receiver sends resolved).
    public var alerts: [Alert]
    /// When the planner produced it.
    public var createdAt: Date

    /// Creates a notification; status, common labels and annotations are derived from the alerts.
    public init(receiver: String, groupKey: String, groupLabels: AlertLabels, alerts: [Alert], createdAt: Date) {
        self.receiver = receiver
        self.groupKey = groupKey
        self.groupLabels = groupLabels
        self.alerts = alerts
        self.createdAt = createdAt
        status = alerts.contains { $0.state == .firing } ? .firing : .resolved
        commonLabels = alerts.dropFirst().reduce(alerts.first?.labels ?? AlertLabels()) { $0.intersection($1.labels) }
        var common = alerts.first?.annotations.fields ?? [:]
        for alert in alerts.dropFirst() {
            let fields = alert.annotations.fields
            common = common.filter { fields[$0.key] == $0.value }
        }
        commonAnnotations = common
    }

    /// The firing alerts.
    public var firingAlerts: [Alert] { alerts.filter { $0.state == .firing } }

    /// The resolved alerts.
    public var resolvedAlerts: [Alert] { alerts.filter { $0.state != .firing } }

    /// The highest severity among the firing alerts (among all when none fires).
    public var severity: AlertSeverity {
        let pool = firingAlerts.isEmpty ? alerts : firingAlerts
        return pool.compactMap(\.severity).max() ?? .warning
    }

    /// A title for the group: `[FIRING:2] FeatureDriftPSI model=fraud`.
    public var title: String {
        let count = status == .firing ? firingAlerts.count : alerts.count
        let labels = groupLabels.sorted.filter { $0.name != "alertname" }.map { "\($0.name)=\($0.value)" }
        let name = commonLabels["alertname"] ?? groupLabels["alertname"] ?? "DriftWatch alerts"
        return (["[\(status.rawValue.uppercased()):\(count)]", name] + labels).joined(separator: " ")
    }

    private enum CodingKeys: String, CodingKey {
        case receiver
        case groupKey = "group_key"
        case status
        case groupLabels = "group_labels"
        case commonLabels = "common_labels"
        case commonAnnotations = "common_annotations"
        case alerts
        case createdAt = "created_at"
    }
}
