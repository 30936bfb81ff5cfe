/// Where notifications go: the routing tree, the receivers it names and the inhibition rules, in
/// Alertmanager's shape.
///
/// ```yaml
/// route:
///   receiver: ml-slack
///   group_by: [alertname, model]
///   routes:
///     - matchers: ['severity="critical"']
///       receiver: ml-oncall
/// receivers:
///   - name: ml-slack
///     slack: { url: https://hooks.slack.com/services/T000/B000/XXXX }
///   - name: ml-oncall
///     pagerduty: { routing_key: 0123456789abcdef0123456789abcdef }
/// inhibit_rules:
///   - source_matchers: ['severity="critical"']
///     target_matchers: ['severity="warning"']
///     equal: [alertname, model, feature]
/// ```
///
/// Check it with ``validate()`` before handing it to a ``NotificationPlanner``.
public struct AlertRoutingConfiguration: Sendable, Hashable {
    /// The root of the routing tree.
    public var route: Route
    /// The receivers routes refer to.
    public var receivers: [Receiver]
    /// The inhibition rules.
    public var inhibitRules: [InhibitRule]

    /// Creates a configuration.
    public init(route: Route, receivers: [Receiver], inhibitRules: [InhibitRule] = []) {
        self.route = route
        self.receivers = receivers
        self.inhibitRules = inhibitRules
    }

    /// The receiver with this name.
    public func receiver(named name: String) -> Receiver? {
        receivers.first { $0.name == name }
    }
}

extension AlertRoutingConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case route, receivers
        case inhibitRules = "inhibit_rules"
    }

    /// Decodes `route`, `receivers` and optional `inhibit_rules`; unknown fields are an error.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        route = try container.decode(Route.self, forKey: .route)
        receivers = try container.decode([Receiver].self, forKey: .receivers)
        inhibitRules = try container.decodeIfPresent([InhibitRule].self, forKey: .inhibitRules) ?? []
    }
}
