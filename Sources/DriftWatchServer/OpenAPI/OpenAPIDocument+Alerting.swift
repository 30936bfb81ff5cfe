extension OpenAPIDocument {
    /// An alert rule as the examples create it.
    static let exampleRule =
        #"{"id": "example-rule", "metric": "dataset_drift_share", "condition": {"threshold": {"op": ">", "value": 0.5}}, "severity": "warning", "for": "10m", "annotations": {"summary": "Half of the features drifted"}}"#

    /// The alerting routes.
    static let alertingOperations: [Operation] = [
        Operation(
            method: "get", path: "/v1/alert-rules",
            summary: "Every rule in force: shipped defaults, the config's, and those created through the API.",
            responses: [200: "AlertRules"]),
        Operation(
            method: "post", path: "/v1/alert-rules",
            summary: "Create a rule (versioned and written to the audit log with the caller's key fingerprint).",
            requestSchema: "AlertRule", requestExample: exampleRule,
            responses: [201: "ManagedAlertRule", 409: "DeclarationError", 413: "Error", 422: "AlertProblems"]),
        Operation(
            method: "get", path: "/v1/alert-rules/{id}", summary: "A rule with every stored version.",
            responses: [200: "ManagedAlertRule", 404: "DeclarationError"]),
        Operation(
            method: "put", path: "/v1/alert-rules/{id}", summary: "Replace a rule (a new version).",
            requestSchema: "AlertRule", requestExample: exampleRule,
            responses: [
                200: "ManagedAlertRule", 404: "DeclarationError", 409: "DeclarationError", 413: "Error",
                422: "AlertProblems",
            ]),
        Operation(
            method: "delete", path: "/v1/alert-rules/{id}",
            summary: "Delete a rule created through the API (a shipped rule it replaced applies again).",
            responses: [204: nil, 404: "DeclarationError", 409: "DeclarationError"]),
        Operation(
            method: "post", path: "/v1/alert-rules/backtest",
            summary: "When a rule would have fired and resolved on the stored monitor results between from and to.",
            requestSchema: "BacktestRequest",
            requestExample:
                #"{"rule": {"id": "trial", "metric": "dataset_drift_share", "condition": {"threshold": {"op": ">", "value": 0.3}}}, "from": "2026-01-01T00:00:00Z", "to": "2026-01-02T00:00:00Z", "step": "5m"}"#,
            responses: [200: "BacktestReport", 413: "Error", 422: "AlertProblems"]),
        Operation(
            method: "get", path: "/v1/alerts",
            summary: "Current alerts and their recent history (query: state = pending, firing or resolved).",
            responses: [200: "Alerts", 400: "DeclarationError"], exampleQuery: "state=firing"),
        Operation(method: "get", path: "/v1/silences", summary: "Every silence.", responses: [200: "Silences"]),
        Operation(
            method: "post", path: "/v1/silences",
            summary: "Mute alerts whose labels match until ends_at (starts_at defaults to now).",
            requestSchema: "Silence",
            requestExample:
                #"{"id": "maintenance", "matchers": ["model_id=fraud"], "ends_at": "2099-01-01T00:00:00Z", "comment": "planned retraining"}"#,
            responses: [201: "Silence", 413: "Error", 422: "AlertProblems"]),
        Operation(
            method: "delete", path: "/v1/silences/{id}", summary: "End a silence now.",
            responses: [204: nil, 404: "DeclarationError"]),
        Operation(
            method: "get", path: "/v1/audit", summary: "Who changed which rule or silence, and when (query: limit).",
            responses: [200: "AuditLog"]),
        Operation(
            method: "get", path: "/v1/alerting/receivers",
            summary: "Notification delivery per receiver: sent, failed, retried, dropped and the last error.",
            responses: [200: "Receivers"]),
    ]
}
