import Foundation

/// A retraining trigger: a webhook that asks a training pipeline to retrain a model, naming the
/// model, version, drifted features and the window they drifted in.
///
/// Sends one request per model and version among the notification's firing alerts, and nothing
/// for resolved groups. Route drift alerts to it (`alertname="FeatureDriftPSI"`, say). With a
/// `secret`, requests are signed as ``WebhookSignature`` describes.
///
/// ```json
/// {"event": "retraining_requested", "model": "fraud", "version": "v3",
///  "features": ["txn_amount", "txn_count"], "window": {"start": "…", "end": "…"},
///  "severity": "critical", "group_key": "…",
///  "alerts": [{"alertname": "FeatureDriftPSI", "feature": "txn_amount", "severity": "critical",
///              "value": 0.34, "summary": "…"}]}
/// ```
public struct RetrainingReceiver: Sendable, Hashable, Codable, NotificationPayloadBuilder {
    /// Where to POST.
    public var url: String
    /// The HMAC secret; no signature headers when nil. It is encoded with the receiver, so redact
    /// it before showing a configuration.
    public var secret: String?
    /// Extra header fields (a pipeline token, say).
    public var headers: [String: String]

    /// Creates a retraining trigger.
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

    /// One signed request per model and version with firing alerts.
    public func requests(for notification: AlertNotification, receiver: String, context: PayloadContext) throws
        -> [NotificationRequest]
    {
        try triggers(for: notification).map { trigger in
            let body = try PayloadJSON.encode(trigger)
            return signedRequest(
                receiver: receiver, url: url, body: body, secret: secret, headers: headers, at: context.sentAt)
        }
    }

    struct Trigger: Encodable {
        var event = "retraining_requested"
        var model: String
        var version: String
        var features: [String]
        var window: Window?
        var severity: String
        var groupKey: String
        var alerts: [TriggerAlert]

        enum CodingKeys: String, CodingKey {
            case event, model, version, features, window, severity
            case groupKey = "group_key"
            case alerts
        }
    }

    struct Window: Encodable {
        var start: String
        var end: String
    }

    struct TriggerAlert: Encodable {
        var alertname: String
        var feature: String?
        var severity: String?
        var value: Double?
        var summary: String?
    }

    func triggers(for notification: AlertNotification) -> [Trigger] {
        var byModel: [String: (model: String, version: String, alerts: [Alert])] = [:]
        for alert in notification.firingAlerts {
            let model = alert.labels.value("model")
            let version = alert.labels.value("version")
            byModel["\(model)\u{0}\(version)", default: (model, version, [])].alerts.append(alert)
        }
        return byModel.keys.sorted().compactMap { key in
            guard let entry = byModel[key] else { return nil }
            var features = Set(entry.alerts.flatMap(\.features))
            for alert in entry.alerts { if let feature = alert.labels["feature"] { features.insert(feature) } }
            let starts = entry.alerts.compactMap(\.windowStart)
            let ends = entry.alerts.compactMap(\.windowEnd)
            let window = starts.min().flatMap { start in
                ends.max().map { Window(start: PayloadJSON.timestamp(start), end: PayloadJSON.timestamp($0)) }
            }
            return Trigger(
                model: entry.model, version: entry.version, features: features.sorted(), window: window,
                severity: (entry.alerts.compactMap(\.severity).max() ?? .warning).rawValue,
                groupKey: notification.groupKey,
                alerts: entry.alerts.map { alert in
                    TriggerAlert(
                        alertname: alert.name, feature: alert.labels["feature"], severity: alert.severity?.rawValue,
                        value: alert.value.flatMap { $0.isFinite ? $0 : nil }, summary: alert.annotations.summary)
                })
        }
    }
}
