import Foundation

/// A Slack incoming webhook: a message with a plain `text` fallback and Block Kit `blocks` showing
/// the status, severity, summary and runbook link of each alert.
///
/// ```yaml
/// - name: ml-slack
///   slack: { url: https://hooks.slack.com/services/T000/B000/XXXX, channel: "#ml-alerts" }
/// ```
public struct SlackReceiver: Sendable, Hashable, Codable, NotificationPayloadBuilder {
    /// The incoming webhook URL.
    public var url: String
    /// A channel overriding the webhook's default, for webhooks that allow it.
    public var channel: String?
    /// At most this many alerts get their own section; the rest are counted (Slack caps a
    /// message at 50 blocks).
    public var maxAlerts: Int

    /// Creates a Slack receiver.
    public init(url: String, channel: String? = nil, maxAlerts: Int = 10) {
        self.url = url
        self.channel = channel
        self.maxAlerts = maxAlerts
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case url, channel
        case maxAlerts = "max_alerts"
    }

    /// Decodes `url` and optional `channel` and `max_alerts`; unknown fields are an error.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        url = try container.decode(String.self, forKey: .url)
        channel = try container.decodeIfPresent(String.self, forKey: .channel)
        maxAlerts = try container.decodeIfPresent(Int.self, forKey: .maxAlerts) ?? 10
    }

    /// One message for the notification.
    public func requests(for notification: AlertNotification, receiver: String, context: PayloadContext) throws
        -> [NotificationRequest]
    {
        let body = try PayloadJSON.encode(message(for: notification, context: context))
        return [NotificationRequest(receiver: receiver, url: url, headers: PayloadJSON.headers, body: body)]
    }

    struct Message: Encodable {
        var text: String
        var channel: String?
        var blocks: [Block]
    }

    struct Block: Encodable {
        var type: String
        var text: Text?
        var elements: [Text]?
    }

    struct Text: Encodable {
        var type: String
        var text: String
    }

    func message(for notification: AlertNotification, context: PayloadContext) -> Message {
        let firing = notification.status == .firing
        let title = notification.title
        var blocks = [Block(type: "header", text: Text(type: "plain_text", text: Self.clip(title, 150)))]
        let shown = notification.alerts.prefix(max(maxAlerts, 1))
        for alert in shown {
            var lines = [
                "*\(alert.state == .firing ? "Firing" : "Resolved")* · severity *\(alert.severity?.rawValue ?? "unknown")*"
                    + " · value `\(AlertAnnotations.format(alert.value))`",
                "*Summary:* " + Self.escape(alert.annotations.summary ?? alert.name),
            ]
            let scope = ["model", "version", "feature", "segment"].compactMap { name in
                alert.labels[name].map { "\(name)=\(Self.escape($0))" }
            }
            if !scope.isEmpty { lines.append("*Scope:* " + scope.joined(separator: ", ")) }
            if let runbook = alert.annotations.runbookURL {
                lines.append("*Runbook:* <\(runbook)|\(Self.escape(runbook))>")
            }
            if firing, !alert.annotations.nextSteps.isEmpty {
                lines.append(
                    "*Next steps:*\n"
                        + alert.annotations.nextSteps.map { "• " + Self.escape($0) }.joined(separator: "\n"))
            }
            blocks.append(
                Block(type: "section", text: Text(type: "mrkdwn", text: Self.clip(lines.joined(separator: "\n"), 3000)))
            )
        }
        if notification.alerts.count > shown.count {
            let more = Text(type: "mrkdwn", text: "… and \(notification.alerts.count - shown.count) more alerts")
            blocks.append(Block(type: "context", elements: [more]))
        }
        if let link = context.externalURL, !link.isEmpty {
            blocks.append(Block(type: "context", elements: [Text(type: "mrkdwn", text: "<\(link)|Open DriftWatch>")]))
        }
        let summary = notification.commonAnnotations["summary"] ?? notification.alerts.first?.annotations.summary
        let text = [title, summary].compactMap { $0 }.joined(separator: " — ")
        return Message(text: Self.escape(text), channel: channel, blocks: blocks)
    }

    /// Slack's three control characters in message text.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The text cut to Slack's per-field limit.
    static func clip(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
