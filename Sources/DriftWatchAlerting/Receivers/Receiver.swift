/// A named destination for notifications: a route's `receiver` refers to it by name.
///
/// In configuration, a receiver is its name, whether to send resolved notifications, and exactly
/// one of `webhook`, `slack`, `pagerduty`, `alertmanager` or `retraining`:
///
/// ```yaml
/// receivers:
///   - name: ml-slack
///     slack: { url: https://hooks.slack.com/services/T000/B000/XXXX }
///   - name: ml-oncall
///     send_resolved: true
///     pagerduty: { routing_key: 0123456789abcdef0123456789abcdef }
/// ```
///
/// To deliver one group to several places, route it to several receivers (`continue: true`).
public struct Receiver: Sendable, Hashable {
    /// The name routes refer to.
    public var name: String
    /// Whether notifications about resolved alerts go out (true by default).
    public var sendResolved: Bool
    /// The kind of receiver and its settings.
    public var integration: ReceiverIntegration

    /// Creates a receiver.
    public init(name: String, sendResolved: Bool = true, integration: ReceiverIntegration) {
        self.name = name
        self.sendResolved = sendResolved
        self.integration = integration
    }

    /// The HTTP requests that deliver a notification to this receiver.
    public func requests(for notification: AlertNotification, context: PayloadContext) throws -> [NotificationRequest] {
        try integration.builder.requests(for: notification, receiver: name, context: context)
    }
}
