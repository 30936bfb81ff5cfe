/// A node of the notification routing tree, as in Alertmanager: which alerts it takes (matchers),
/// where they go (receiver), how they are grouped and how often notifications repeat.
///
/// Children inherit every setting they leave out. An alert enters the tree at the root (which
/// takes every alert), goes down to the first child whose matchers match, recursively, and stops
/// there unless that child sets `continue`, in which case the next matching siblings take it too.
/// A node none of whose children match handles the alert itself.
///
/// ```yaml
/// route:
///   receiver: ml-team-slack
///   group_by: [alertname, model]
///   group_wait: 30s
///   group_interval: 5m
///   repeat_interval: 4h
///   routes:
///     - matchers: ['severity="critical"']
///       receiver: ml-oncall-pagerduty
///       continue: true
///     - matchers: ['alertname="FeatureDriftPSI"']
///       receiver: retraining
/// ```
public struct Route: Sendable, Hashable {
    /// The receiver name; inherited when nil (the root must set it).
    public var receiver: String?
    /// The conditions an alert's labels must meet to enter this node (all of them).
    public var matchers: [LabelMatcher]
    /// The labels whose values split alerts into groups, one notification per group; `["..."]`
    /// groups by every label (one group per alert); inherited when nil, nothing at the root
    /// (all alerts of the route in one group).
    public var groupBy: [String]?
    /// How long a new group waits for more alerts before its first notification (default 30s).
    public var groupWait: AlertDuration?
    /// How long a group waits before notifying about changes (default 5m).
    public var groupInterval: AlertDuration?
    /// How long before an unchanged group's notification is sent again (default 4h).
    public var repeatInterval: AlertDuration?
    /// Whether matching continues with the next siblings after this node matched.
    public var continueMatching: Bool
    /// The child nodes, tried in order.
    public var routes: [Route]

    /// Creates a route node.
    public init(
        receiver: String? = nil, matchers: [LabelMatcher] = [], groupBy: [String]? = nil,
        groupWait: AlertDuration? = nil,
        groupInterval: AlertDuration? = nil, repeatInterval: AlertDuration? = nil, continueMatching: Bool = false,
        routes: [Route] = []
    ) {
        self.receiver = receiver
        self.matchers = matchers
        self.groupBy = groupBy
        self.groupWait = groupWait
        self.groupInterval = groupInterval
        self.repeatInterval = repeatInterval
        self.continueMatching = continueMatching
        self.routes = routes
    }

    /// Alertmanager's default group wait: 30 seconds.
    public static let defaultGroupWait = AlertDuration.seconds(30)
    /// Alertmanager's default group interval: 5 minutes.
    public static let defaultGroupInterval = AlertDuration.minutes(5)
    /// Alertmanager's default repeat interval: 4 hours.
    public static let defaultRepeatInterval = AlertDuration.hours(4)
}
