import Foundation

/// What payload builders need besides the notification: where DriftWatch is reachable and the
/// time of sending.
public struct PayloadContext: Sendable, Hashable {
    /// DriftWatch's public base URL (`https://driftwatch.example.com`), for links back to an alert;
    /// nil when none is configured.
    public var externalURL: String?
    /// The time of sending: the webhook signature's timestamp.
    public var sentAt: Date

    /// Creates a context.
    public init(externalURL: String? = nil, sentAt: Date) {
        self.externalURL = externalURL
        self.sentAt = sentAt
    }

    /// The link to an alert, `{external_url}/v1/alerts/{alert.id}`; empty without an external URL.
    public func generatorURL(for alert: Alert) -> String {
        guard let externalURL, !externalURL.isEmpty else { return "" }
        let base = externalURL.hasSuffix("/") ? String(externalURL.dropLast()) : externalURL
        return "\(base)/v1/alerts/\(alert.id)"
    }
}
