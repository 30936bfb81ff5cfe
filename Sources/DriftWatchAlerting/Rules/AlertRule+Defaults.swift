extension AlertRule {
    /// The rules DriftWatch starts with, matching its documented default thresholds:
    ///
    /// | id | metric | fires when | severity |
    /// |---|---|---|---|
    /// | `psi-drift-warning` | `feature_drift_score` (method `psi`) | > 0.2 | warning |
    /// | `psi-drift-critical` | `feature_drift_score` (method `psi`) | > 0.3 | critical |
    /// | `accuracy-drop` | `accuracy` | more than 10 % below the reference | critical |
    /// | `missing-values` | `missing_rate` | > 5 % | warning |
    /// | `outliers` | `outlier_rate` | > 10 % | warning |
    /// | `latency-p99` | `latency_p99_ms` | > 200 ms for 5 minutes | warning |
    /// | `error-rate` | `error_rate` | > 5 % for 5 minutes | critical |
    ///
    /// Both PSI rules share the alert name `FeatureDriftPSI`, so ``InhibitRule/defaults`` lets a
    /// critical drift alert mute the warning for the same feature. The accuracy rule needs a
    /// ``ReferenceBaseline`` per model (the reference accuracy) to evaluate. The defaults carry
    /// next steps but no `runbook_url`: point that at your own runbooks.
    public static let defaults: [AlertRule] = [
        psiDrift(id: "psi-drift-warning", threshold: 0.2, severity: .warning),
        psiDrift(id: "psi-drift-critical", threshold: 0.3, severity: .critical),
        AlertRule(
            id: "accuracy-drop", name: "AccuracyDrop", metric: "accuracy",
            condition: .relative(.init(.drop, fraction: 0.10)),
            severity: .critical,
            annotations: AlertAnnotations(
                summary: "Accuracy of {{ $labels.model }} fell more than 10 % below the reference ({{ $value }})",
                description:
                    "The accuracy on labelled predictions of the last window is more than 10 % below the accuracy measured on the reference data.",
                nextSteps: [
                    "Check which features drifted in the same window; drift often explains a drop.",
                    "Look at the accuracy per segment to find where the errors concentrate.",
                    "Check label coverage: a few late labels can make the window unrepresentative.",
                    "If the drop is real and lasting, retrain on recent data and compare against the reference.",
                ])),
        AlertRule(
            id: "missing-values", name: "MissingValues", metric: "missing_rate",
            condition: .threshold(.greaterThan, 0.05),
            severity: .warning,
            annotations: AlertAnnotations(
                summary: "{{ $labels.feature }} of {{ $labels.model }} is missing in {{ $value }} of events (> 5 %)",
                description: "More than 5 % of the window's events have no value (or NaN/±Inf) for this feature.",
                nextSteps: [
                    "Find the first window with the high missing rate and what was deployed then.",
                    "Check the upstream source of the feature (join, API, feature store) for failures.",
                    "Confirm how the model treats missing values; imputation may hide the breakage.",
                ])),
        AlertRule(
            id: "outliers", name: "Outliers", metric: "outlier_rate", condition: .threshold(.greaterThan, 0.10),
            severity: .warning,
            annotations: AlertAnnotations(
                summary: "{{ $labels.feature }} of {{ $labels.model }} has {{ $value }} outliers (> 10 %)",
                description:
                    "More than 10 % of the feature's values fall outside the range seen on the reference data.",
                nextSteps: [
                    "Compare the feature's current histogram with the reference.",
                    "Check for a unit or scale change upstream (cents vs. units, ms vs. s).",
                    "If the new range is legitimate, refresh the reference dataset.",
                ])),
        AlertRule(
            id: "latency-p99", name: "HighLatencyP99", metric: "latency_p99_ms",
            condition: .threshold(.greaterThan, 200),
            severity: .warning, for: .minutes(5),
            annotations: AlertAnnotations(
                summary: "p99 latency of {{ $labels.model }} is {{ $value }} ms (> 200 ms)",
                description: "The 99th percentile of prediction latency has stayed above 200 ms for 5 minutes.",
                nextSteps: [
                    "Check the model service's CPU, memory and replica count.",
                    "Look for a recent deployment or a larger model version.",
                    "Check slow dependencies (feature store, database) called per prediction.",
                ])),
        AlertRule(
            id: "error-rate", name: "HighErrorRate", metric: "error_rate", condition: .threshold(.greaterThan, 0.05),
            severity: .critical, for: .minutes(5),
            annotations: AlertAnnotations(
                summary: "{{ $value }} of predictions of {{ $labels.model }} fail (> 5 %)",
                description: "More than 5 % of prediction requests have returned an error for 5 minutes.",
                nextSteps: [
                    "Read the errors' messages in the service logs and group them by cause.",
                    "Roll back the latest deployment if the errors started with it.",
                    "Check for malformed inputs from a new client or schema change.",
                ])),
    ]

    private static func psiDrift(id: String, threshold: Double, severity: AlertSeverity) -> AlertRule {
        AlertRule(
            id: id, name: "FeatureDriftPSI", metric: "feature_drift_score", method: "psi",
            condition: .threshold(.greaterThan, threshold), severity: severity,
            annotations: AlertAnnotations(
                summary: "PSI drift on {{ $labels.feature }} of {{ $labels.model }}: {{ $value }} (> \(threshold))",
                description:
                    "The population stability index of the feature against the reference is above \(threshold): the inputs the model sees have shifted.",
                nextSteps: [
                    "Compare the feature's distribution with the reference on the dashboard.",
                    "Check whether the shift is seasonal, a new customer mix, or an upstream bug.",
                    "Check the model's (estimated) accuracy for the same window before acting.",
                    "If the shift is real and hurts accuracy, retrain with recent data.",
                ]))
    }
}
