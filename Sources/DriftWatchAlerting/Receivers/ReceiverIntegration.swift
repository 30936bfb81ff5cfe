/// The kinds of receiver DriftWatch delivers to.
public enum ReceiverIntegration: Sendable, Hashable {
    /// A generic, optionally signed, JSON webhook.
    case webhook(WebhookReceiver)
    /// A Slack incoming webhook.
    case slack(SlackReceiver)
    /// PagerDuty Events API v2.
    case pagerDuty(PagerDutyReceiver)
    /// A Prometheus Alertmanager.
    case alertmanager(AlertmanagerReceiver)
    /// A retraining pipeline's webhook.
    case retraining(RetrainingReceiver)

    /// The payload builder of this kind.
    public var builder: any NotificationPayloadBuilder {
        switch self {
        case .webhook(let receiver): receiver
        case .slack(let receiver): receiver
        case .pagerDuty(let receiver): receiver
        case .alertmanager(let receiver): receiver
        case .retraining(let receiver): receiver
        }
    }

    /// The configuration key of this kind: `webhook`, `slack`, `pagerduty`, `alertmanager`,
    /// `retraining`.
    public var kind: String {
        switch self {
        case .webhook: "webhook"
        case .slack: "slack"
        case .pagerDuty: "pagerduty"
        case .alertmanager: "alertmanager"
        case .retraining: "retraining"
        }
    }

    /// The URL requests go to (before any path the kind adds).
    public var url: String {
        switch self {
        case .webhook(let receiver): receiver.url
        case .slack(let receiver): receiver.url
        case .pagerDuty(let receiver): receiver.url
        case .alertmanager(let receiver): receiver.url
        case .retraining(let receiver): receiver.url
        }
    }
}
