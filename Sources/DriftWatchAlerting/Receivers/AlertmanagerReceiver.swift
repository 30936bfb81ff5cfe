import Foundation

/// Forwards alerts to a Prometheus Alertmanager: `POST {url}/api/v2/alerts` with an array of
/// `{labels, annotations, startsAt, endsAt, generatorURL}`, as Prometheus does.
///
/// Alertmanager resolves an alert by itself once its `endsAt` passes, so a firing alert is sent
/// with `endsAt` = sending time + `validity`; route this receiver with a `repeat_interval` shorter
/// than `validity` so that firing alerts are re-sent before they lapse. Resolved alerts carry
/// their resolution time.
///
/// ```yaml
/// - name: company-alertmanager
///   alertmanager: { url: http://alertmanager:9093, validity: 15m }
/// ```
public struct AlertmanagerReceiver: Sendable, Hashable, Codable, NotificationPayloadBuilder {
    /// Alertmanager's base URL (without `/api/v2/alerts`).
    public var url: String
    /// How long after sending a firing alert stays valid in Alertmanager.
    public var validity: AlertDuration

    /// Creates an Alertmanager receiver.
    public init(url: String, validity: AlertDuration = .minutes(15)) {
        self.url = url
        self.validity = validity
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case url, validity
    }

    /// Decodes `url` and an optional `validity`; unknown fields are an error.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        url = try container.decode(String.self, forKey: .url)
        validity = try container.decodeIfPresent(AlertDuration.self, forKey: .validity) ?? .minutes(15)
    }

    /// The endpoint alerts are posted to.
    public var endpoint: String {
        (url.hasSuffix("/") ? String(url.dropLast()) : url) + "/api/v2/alerts"
    }

    /// One POST with every alert of the notification.
    public func requests(for notification: AlertNotification, receiver: String, context: PayloadContext) throws
        -> [NotificationRequest]
    {
        let body = try PayloadJSON.encode(alerts(for: notification, context: context))
        return [NotificationRequest(receiver: receiver, url: endpoint, headers: PayloadJSON.headers, body: body)]
    }

    struct PostableAlert: Encodable {
        var labels: AlertLabels
        var annotations: [String: String]
        var startsAt: String
        var endsAt: String
        var generatorURL: String
    }

    func alerts(for notification: AlertNotification, context: PayloadContext) -> [PostableAlert] {
        notification.alerts.map { alert in
            let ends = alert.state == .firing ? context.sentAt + validity : (alert.resolvedAt ?? context.sentAt)
            return PostableAlert(
                labels: alert.labels, annotations: alert.annotations.fields,
                startsAt: PayloadJSON.timestamp(alert.startsAt), endsAt: PayloadJSON.timestamp(ends),
                generatorURL: context.generatorURL(for: alert))
        }
    }
}
