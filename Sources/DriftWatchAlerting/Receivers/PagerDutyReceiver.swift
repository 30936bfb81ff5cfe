import Crypto
import Foundation

/// PagerDuty Events API v2: one `trigger` event per firing group notification and one `resolve`
/// when the group has resolved, with a `dedup_key` stable for the group, so that PagerDuty keeps a
/// single incident per group and closes it.
///
/// ```yaml
/// - name: ml-oncall
///   pagerduty: { routing_key: 0123456789abcdef0123456789abcdef }
/// ```
///
/// The trigger body:
///
/// ```json
/// {"routing_key": "…", "event_action": "trigger", "dedup_key": "<64 hex>",
///  "payload": {"summary": "…", "source": "driftwatch/fraud", "severity": "critical",
///              "timestamp": "…", "class": "FeatureDriftPSI", "component": "fraud",
///              "custom_details": {"firing": 2, "group_labels": {…}, "alerts": [{…}]}},
///  "links": [{"href": "https://runbooks…", "text": "Runbook"}], "client": "DriftWatch"}
/// ```
public struct PagerDutyReceiver: Sendable, Hashable, Codable, NotificationPayloadBuilder {
    /// The Events API v2 endpoint.
    public static let eventsURL = "https://events.pagerduty.com/v2/enqueue"

    /// The integration's routing key (a secret: redact it before showing a configuration).
    public var routingKey: String
    /// The endpoint; PagerDuty's unless overridden (for a proxy or a test server).
    public var url: String
    /// The `source` of events; `driftwatch/<model>` when nil.
    public var source: String?

    /// Creates a PagerDuty receiver.
    public init(routingKey: String, url: String = PagerDutyReceiver.eventsURL, source: String? = nil) {
        self.routingKey = routingKey
        self.url = url
        self.source = source
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case routingKey = "routing_key"
        case url, source
    }

    /// Decodes `routing_key` and optional `url` and `source`; unknown fields are an error.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        routingKey = try container.decode(String.self, forKey: .routingKey)
        url = try container.decodeIfPresent(String.self, forKey: .url) ?? Self.eventsURL
        source = try container.decodeIfPresent(String.self, forKey: .source)
    }

    /// The dedup key of a group for a receiver: hex SHA-256 of `receiver` and the group key, the
    /// same for every notification of the group (and within PagerDuty's 255-character limit).
    public static func dedupKey(receiver: String, groupKey: String) -> String {
        SHA256.hash(data: Data("\(receiver)\u{0}\(groupKey)".utf8)).map { hexByte($0) }.joined()
    }

    /// One event: trigger while any alert fires, resolve once all have resolved.
    public func requests(for notification: AlertNotification, receiver: String, context: PayloadContext) throws
        -> [NotificationRequest]
    {
        let body = try PayloadJSON.encode(event(for: notification, receiver: receiver, context: context))
        return [NotificationRequest(receiver: receiver, url: url, headers: PayloadJSON.headers, body: body)]
    }

    struct Event: Encodable {
        var routingKey: String
        var eventAction: String
        var dedupKey: String
        var payload: Payload?
        var links: [Link]?
        var client: String?
        var clientURL: String?

        enum CodingKeys: String, CodingKey {
            case routingKey = "routing_key"
            case eventAction = "event_action"
            case dedupKey = "dedup_key"
            case payload, links, client
            case clientURL = "client_url"
        }
    }

    struct Payload: Encodable {
        var summary: String
        var source: String
        var severity: String
        var timestamp: String
        var `class`: String
        var component: String
        var customDetails: Details

        enum CodingKeys: String, CodingKey {
            case summary, source, severity, timestamp, `class`, component
            case customDetails = "custom_details"
        }
    }

    struct Details: Encodable {
        var firing: Int
        var groupLabels: AlertLabels
        var alerts: [DetailAlert]

        enum CodingKeys: String, CodingKey {
            case firing
            case groupLabels = "group_labels"
            case alerts
        }
    }

    struct DetailAlert: Encodable {
        var labels: AlertLabels
        var summary: String?
        var value: Double?
        var startsAt: String
        var nextSteps: [String]

        enum CodingKeys: String, CodingKey {
            case labels, summary, value
            case startsAt = "starts_at"
            case nextSteps = "next_steps"
        }
    }

    struct Link: Encodable {
        var href: String
        var text: String
    }

    func event(for notification: AlertNotification, receiver: String, context: PayloadContext) -> Event {
        let dedupKey = Self.dedupKey(receiver: receiver, groupKey: notification.groupKey)
        guard notification.status == .firing else {
            return Event(routingKey: routingKey, eventAction: "resolve", dedupKey: dedupKey)
        }
        let firing = notification.firingAlerts
        let model = notification.commonLabels["model"] ?? notification.groupLabels["model"] ?? ""
        let summary =
            notification.commonAnnotations["summary"] ?? firing.first?.annotations.summary ?? notification.title
        var runbooks: [String] = []
        for alert in firing {
            if let runbook = alert.annotations.runbookURL, !runbooks.contains(runbook) { runbooks.append(runbook) }
        }
        let payload = Payload(
            summary: String(summary.prefix(1024)),
            source: source ?? (model.isEmpty ? "driftwatch" : "driftwatch/\(model)"),
            severity: notification.severity.rawValue, timestamp: PayloadJSON.timestamp(notification.createdAt),
            class: notification.commonLabels["alertname"] ?? "", component: model,
            customDetails: Details(
                firing: firing.count, groupLabels: notification.groupLabels,
                alerts: firing.map { alert in
                    DetailAlert(
                        labels: alert.labels, summary: alert.annotations.summary,
                        value: alert.value.flatMap { $0.isFinite ? $0 : nil },
                        startsAt: PayloadJSON.timestamp(alert.startsAt), nextSteps: alert.annotations.nextSteps)
                }))
        return Event(
            routingKey: routingKey, eventAction: "trigger", dedupKey: dedupKey, payload: payload,
            links: runbooks.map { Link(href: $0, text: "Runbook") }, client: "DriftWatch",
            clientURL: context.externalURL)
    }
}
