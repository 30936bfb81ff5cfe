import Foundation

/// A generic webhook: POSTs the notification as JSON in Alertmanager's webhook format (version 4),
/// so that tools built for Alertmanager webhooks read it unchanged.
///
/// The body (keys sorted):
///
/// ```json
/// {"version": "4", "receiver": "ml-hook", "status": "firing", "groupKey": "0:ml-hook:{…}",
///  "groupLabels": {…}, "commonLabels": {…}, "commonAnnotations": {…},
///  "externalURL": "https://driftwatch.example.com", "truncatedAlerts": 0,
///  "alerts": [{"status": "firing", "labels": {…}, "annotations": {…},
///              "startsAt": "…", "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "…",
///              "fingerprint": "…", "ruleID": "psi-drift-warning", "value": 0.31,
///              "features": ["txn_amount"], "windowStart": "…", "windowEnd": "…"}]}
/// ```
///
/// With a `secret`, each request carries `X-DriftWatch-Timestamp` and `X-DriftWatch-Signature`
/// as described in ``WebhookSignature``.
///
/// ```yaml
/// - name: ml-hook
///   webhook: { url: https://hooks.example.com/driftwatch, secret: s3cr3t, headers: { X-Team: ml } }
/// ```
public struct WebhookReceiver: Sendable, Hashable, Codable, NotificationPayloadBuilder {
    /// Where to POST.
    public var url: String
    /// The HMAC secret; no signature headers when nil. It is encoded with the receiver, so redact
    /// it before showing a configuration.
    public var secret: String?
    /// Extra header fields (an `Authorization` token, say).
    public var headers: [String: String]

    /// Creates a webhook receiver.
    public init(url: String, secret: String? = nil, headers: [String: String] = [:]) {
        self.url = url
        self.secret = secret
        self.headers = headers
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case url, secret, headers
    }

    /// Decodes `url`, optional `secret` and `headers`; unknown fields are an error.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        url = try container.decode(String.self, forKey: .url)
        secret = try container.decodeIfPresent(String.self, forKey: .secret)
        headers = try container.decodeIfPresent([String: String].self, forKey: .headers) ?? [:]
    }

    /// One signed JSON POST of the whole notification.
    public func requests(for notification: AlertNotification, receiver: String, context: PayloadContext) throws
        -> [NotificationRequest]
    {
        let body = try PayloadJSON.encode(Self.payload(for: notification, receiver: receiver, context: context))
        return [
            signedRequest(
                receiver: receiver, url: url, body: body, secret: secret, headers: headers, at: context.sentAt)
        ]
    }

    /// The Alertmanager-compatible webhook body.
    struct Payload: Encodable {
        var version = "4"
        var receiver: String
        var status: String
        var groupKey: String
        var groupLabels: AlertLabels
        var commonLabels: AlertLabels
        var commonAnnotations: [String: String]
        var externalURL: String
        var truncatedAlerts = 0
        var alerts: [PayloadAlert]
    }

    struct PayloadAlert: Encodable {
        var status: String
        var labels: AlertLabels
        var annotations: [String: String]
        var startsAt: String
        var endsAt: String
        var generatorURL: String
        var fingerprint: String
        var ruleID: String
        var value: Double?
        var features: [String]
        var windowStart: String?
        var windowEnd: String?
    }

    static func payload(for notification: AlertNotification, receiver: String, context: PayloadContext) -> Payload {
        Payload(
            receiver: receiver, status: notification.status.rawValue, groupKey: notification.groupKey,
            groupLabels: notification.groupLabels, commonLabels: notification.commonLabels,
            commonAnnotations: notification.commonAnnotations, externalURL: context.externalURL ?? "",
            alerts: notification.alerts.map { alert in
                PayloadAlert(
                    status: alert.state == .firing ? "firing" : "resolved", labels: alert.labels,
                    annotations: alert.annotations.fields, startsAt: PayloadJSON.timestamp(alert.startsAt),
                    endsAt: alert.resolvedAt.map(PayloadJSON.timestamp) ?? "0001-01-01T00:00:00Z",
                    generatorURL: context.generatorURL(for: alert), fingerprint: alert.id, ruleID: alert.ruleID,
                    value: alert.value.flatMap { $0.isFinite ? $0 : nil }, features: alert.features,
                    windowStart: alert.windowStart.map(PayloadJSON.timestamp),
                    windowEnd: alert.windowEnd.map(PayloadJSON.timestamp))
            })
    }
}

/// A JSON POST with the standard headers, the extra ones, and a signature when there is a secret.
func signedRequest(
    receiver: String, url: String, body: Data, secret: String?, headers extra: [String: String], at date: Date
) -> NotificationRequest {
    var headers = PayloadJSON.headers.merging(extra) { _, custom in custom }
    if let secret, !secret.isEmpty {
        headers.merge(WebhookSignature(secret: secret).headers(for: body, at: date)) { _, signature in signature }
    }
    return NotificationRequest(receiver: receiver, url: url, headers: headers, body: body)
}
