/// A condition on monitor results that raises alerts: which metric and series it reads, when it
/// fires, how urgent it is and what the notification says.
///
/// Rules are plain values, decoded from YAML configuration or the JSON API in the same
/// snake_case shape:
///
/// ```yaml
/// id: psi-warning
/// name: FeatureDriftPSI
/// metric: feature_drift_score
/// method: psi
/// scope: { model: "*", feature: "txn_*" }
/// condition: { threshold: { op: ">", value: 0.2 } }
/// severity: warning
/// for: 10m
/// keep_firing_for: 5m
/// labels: { team: risk }
/// annotations:
///   summary: "PSI drift on {{ $labels.feature }} of {{ $labels.model }}: {{ $value }}"
///   runbook_url: https://runbooks.example.com/drift
/// ```
///
/// Each matching series (or, for a composite that reads several metrics, each model, version and
/// segment) becomes one alert, labelled with the rule's `labels` plus `alertname` (the rule's
/// name), `severity`, `model`, `version`, `feature` and `segment` (empty ones left out).
/// Check a decoded rule with ``validate()``.
public struct AlertRule: Sendable, Hashable, Identifiable {
    /// A stable identifier (letters, digits, `_`, `-`, `.`, `:`), used as the alert key and in history.
    public var id: String
    /// The alert name: the `alertname` label; rules with different severities may share it.
    public var name: String
    /// The metric the rule reads (`feature_drift_score`, `accuracy`, `latency_p99_ms`, …); may be
    /// nil only when every clause of a composite condition names its own metric.
    public var metric: String?
    /// When set, only results whose `details` report this `method` (case-insensitive) count.
    public var method: String?
    /// Which models, versions, features and segments the rule reads.
    public var scope: AlertScope
    /// When the rule's series is in trouble.
    public var condition: AlertCondition
    /// How urgent the alert is.
    public var severity: AlertSeverity
    /// How long the condition must hold before the alert fires (`for`); zero fires at once.
    public var forDuration: AlertDuration
    /// How long a firing alert keeps firing after the condition stops holding (`keep_firing_for`).
    public var keepFiringFor: AlertDuration
    /// Extra labels on every alert of the rule (`team`, `service`), for routing.
    public var labels: [String: String]
    /// The alert's text.
    public var annotations: AlertAnnotations

    /// Creates a rule.
    public init(
        id: String, name: String? = nil, metric: String?, method: String? = nil, scope: AlertScope = .all,
        condition: AlertCondition, severity: AlertSeverity = .warning, for forDuration: AlertDuration = .zero,
        keepFiringFor: AlertDuration = .zero, labels: [String: String] = [:], annotations: AlertAnnotations = .init()
    ) {
        self.id = id
        self.name = name ?? id
        self.metric = metric
        self.method = method
        self.scope = scope
        self.condition = condition
        self.severity = severity
        self.forDuration = forDuration
        self.keepFiringFor = keepFiringFor
        self.labels = labels
        self.annotations = annotations
    }

    /// The label names every alert gets from its rule and series, which rule labels may not use.
    public static let reservedLabelNames: Set<String> = [
        "alertname", "severity", "model", "version", "feature", "segment",
    ]
}
