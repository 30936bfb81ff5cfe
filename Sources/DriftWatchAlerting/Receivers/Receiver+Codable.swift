import Foundation

extension Receiver: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case name
        case sendResolved = "send_resolved"
        case webhook, slack, pagerduty, alertmanager, retraining
    }

    private static let kinds: [CodingKeys] = [.webhook, .slack, .pagerduty, .alertmanager, .retraining]

    /// Decodes a receiver: `name`, optional `send_resolved`, and exactly one kind.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        sendResolved = try container.decodeIfPresent(Bool.self, forKey: .sendResolved) ?? true
        let present = Self.kinds.filter { container.contains($0) }
        guard present.count == 1, let kind = present.first else {
            let names = Self.kinds.map(\.stringValue).joined(separator: ", ")
            let found = present.isEmpty ? "none" : present.map(\.stringValue).joined(separator: " and ")
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath, debugDescription: "expected exactly one of \(names); found \(found)"
                ))
        }
        switch kind {
        case .slack: integration = .slack(try container.decode(SlackReceiver.self, forKey: .slack))
        case .pagerduty: integration = .pagerDuty(try container.decode(PagerDutyReceiver.self, forKey: .pagerduty))
        case .alertmanager:
            integration = .alertmanager(try container.decode(AlertmanagerReceiver.self, forKey: .alertmanager))
        case .retraining: integration = .retraining(try container.decode(RetrainingReceiver.self, forKey: .retraining))
        default: integration = .webhook(try container.decode(WebhookReceiver.self, forKey: .webhook))
        }
    }

    /// Encodes the same shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(sendResolved, forKey: .sendResolved)
        switch integration {
        case .webhook(let receiver): try container.encode(receiver, forKey: .webhook)
        case .slack(let receiver): try container.encode(receiver, forKey: .slack)
        case .pagerDuty(let receiver): try container.encode(receiver, forKey: .pagerduty)
        case .alertmanager(let receiver): try container.encode(receiver, forKey: .alertmanager)
        case .retraining(let receiver): try container.encode(receiver, forKey: .retraining)
        }
    }

    /// Every problem of the receiver: an empty name, a URL that is not http(s), an empty
    /// PagerDuty routing key, a non-positive Alertmanager validity or Slack alert count.
    public func validate() -> [AlertConfigurationProblem] {
        var problems: [AlertConfigurationProblem] = []
        if name.trimmingWhitespace().isEmpty {
            problems.append(AlertConfigurationProblem(field: "name", message: "must not be empty"))
        }
        let scheme = URL(string: integration.url)?.scheme?.lowercased()
        if scheme != "http" && scheme != "https" {
            problems.append(
                AlertConfigurationProblem(
                    field: "\(integration.kind).url", message: "\"\(integration.url)\" is not an http(s) URL"))
        }
        switch integration {
        case .pagerDuty(let receiver) where receiver.routingKey.trimmingWhitespace().isEmpty:
            problems.append(AlertConfigurationProblem(field: "pagerduty.routing_key", message: "must not be empty"))
        case .alertmanager(let receiver) where !receiver.validity.isPositive:
            problems.append(
                AlertConfigurationProblem(field: "alertmanager.validity", message: "must be longer than 0s"))
        case .slack(let receiver) where receiver.maxAlerts < 1:
            problems.append(AlertConfigurationProblem(field: "slack.max_alerts", message: "must be at least 1"))
        default:
            break
        }
        return problems
    }
}
