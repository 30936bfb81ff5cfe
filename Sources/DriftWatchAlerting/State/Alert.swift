import Foundation

/// One alert instance: a rule's verdict on one series (or one model, for composites that join
/// several metrics) and where it is in its pending → firing → resolved life.
///
/// The evaluator creates and updates alerts; the planner routes the firing and resolved ones; the
/// receivers turn them into payloads. Codable (snake_case) so that the current alerts can be
/// stored and restored with ``AlertEvaluator/init(alerts:resolvedRetention:)``.
public struct Alert: Sendable, Hashable, Codable, Identifiable {
    /// The rule that raised it.
    public var ruleID: String
    /// Its labels: the rule's labels plus `alertname`, `severity`, `model`, `version`, `feature`,
    /// `segment` (empty ones left out).
    public var labels: AlertLabels
    /// The rule's annotations with the placeholders filled in for this alert.
    public var annotations: AlertAnnotations
    /// Where it is in its life.
    public var state: AlertState
    /// The latest value of its series (for composites, of the first clause with data).
    public var value: Double?
    /// When the condition started to hold (the start of the pending period).
    public var activeAt: Date
    /// When it started firing.
    public var firedAt: Date?
    /// When it resolved.
    public var resolvedAt: Date?
    /// When the evaluator last saw it.
    public var lastEvaluatedAt: Date
    /// When the condition stopped holding while the alert keeps firing (`keep_firing_for`).
    public var keepFiringSince: Date?
    /// The start of the window of the latest result behind it.
    public var windowStart: Date?
    /// The end of the window of the latest result behind it.
    public var windowEnd: Date?
    /// The features whose series satisfied the condition: the feature itself for a feature-level
    /// rule, the drifted features for a composite over features.
    public var features: [String]

    /// Creates an alert.
    public init(
        ruleID: String, labels: AlertLabels, annotations: AlertAnnotations = .init(), state: AlertState,
        value: Double?, activeAt: Date, firedAt: Date? = nil, resolvedAt: Date? = nil, lastEvaluatedAt: Date? = nil,
        keepFiringSince: Date? = nil, windowStart: Date? = nil, windowEnd: Date? = nil, features: [String] = []
    ) {
        self.ruleID = ruleID
        self.labels = labels
        self.annotations = annotations
        self.state = state
        self.value = value
        self.activeAt = activeAt
        self.firedAt = firedAt
        self.resolvedAt = resolvedAt
        self.lastEvaluatedAt = lastEvaluatedAt ?? activeAt
        self.keepFiringSince = keepFiringSince
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.features = features
    }

    /// Its identity: rule and labels.
    public var key: AlertKey { AlertKey(ruleID: ruleID, labels: labels) }

    /// A stable identity for storage and URLs: the key's fingerprint.
    public var id: String { key.fingerprint }

    /// The alert name (the rule's name).
    public var name: String { labels.value("alertname") }

    /// The severity from its labels.
    public var severity: AlertSeverity? { labels["severity"].flatMap(AlertSeverity.init(rawValue:)) }

    /// When notifications say it started: when it fired, or when it became active if it never did.
    public var startsAt: Date { firedAt ?? activeAt }

    private enum CodingKeys: String, CodingKey {
        case ruleID = "rule_id"
        case labels, annotations, state, value
        case activeAt = "active_at"
        case firedAt = "fired_at"
        case resolvedAt = "resolved_at"
        case lastEvaluatedAt = "last_evaluated_at"
        case keepFiringSince = "keep_firing_since"
        case windowStart = "window_start"
        case windowEnd = "window_end"
        case features
    }
}
