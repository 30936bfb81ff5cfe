/// A matched route with its inherited settings resolved: where an alert goes and how it is
/// grouped and timed there.
public struct RouteDestination: Sendable, Hashable {
    /// The node's position in the tree: `0` for the root, `0.2.1` for the second child of the
    /// root's third child.
    public var routeID: String
    /// The receiver name.
    public var receiver: String
    /// The grouping labels; `["..."]` means every label.
    public var groupBy: [String]
    /// The wait before a new group's first notification.
    public var groupWait: AlertDuration
    /// The wait between notifications about a changed group.
    public var groupInterval: AlertDuration
    /// The wait before an unchanged group is notified again.
    public var repeatInterval: AlertDuration

    /// Creates a destination.
    public init(
        routeID: String, receiver: String, groupBy: [String] = [], groupWait: AlertDuration = Route.defaultGroupWait,
        groupInterval: AlertDuration = Route.defaultGroupInterval,
        repeatInterval: AlertDuration = Route.defaultRepeatInterval
    ) {
        self.routeID = routeID
        self.receiver = receiver
        self.groupBy = groupBy
        self.groupWait = groupWait
        self.groupInterval = groupInterval
        self.repeatInterval = repeatInterval
    }

    /// The settings above the root: Alertmanager's defaults.
    static let root = RouteDestination(routeID: "", receiver: "")

    /// Whether the route groups by every label.
    public var groupsByAllLabels: Bool { groupBy.contains("...") }

    /// The labels that name the group an alert falls into on this route.
    public func groupLabels(for labels: AlertLabels) -> AlertLabels {
        groupsByAllLabels ? labels : labels.keeping(groupBy)
    }

    /// The identity of the group an alert falls into: route, receiver and group labels.
    public func groupKey(for labels: AlertLabels) -> String {
        "\(routeID):\(receiver):\(groupLabels(for: labels))"
    }
}
