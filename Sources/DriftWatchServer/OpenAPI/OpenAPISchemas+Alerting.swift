extension OpenAPISchemas {
    /// The alerting answers and requests.
    static var alerting: [String: Any] {
        let object: [String: Any] = ["type": "object"]
        let managed: [String: Any] = [
            "type": "object",
            "properties": [
                "rule": ref("AlertRule"),
                "source": ["type": "string", "enum": ["shipped", "config", "api"]],
                "version": ["type": "integer", "description": "0 for shipped and config rules."],
                "versions": ["type": "array", "items": object],
            ],
        ]
        return [
            "AlertRule": [
                "type": "object", "required": ["id", "condition"],
                "description":
                    "A rule: metric (any stored monitor result), optional method, scope (model, version, feature, segment; globs), condition (threshold {op, value}, adaptive {k}, relative, all_of / any_of), severity, for, keep_firing_for, labels, annotations (summary, description, runbook_url, next_steps).",
                "properties": [
                    "id": ["type": "string"], "name": ["type": "string"], "metric": ["type": "string"],
                    "method": ["type": "string"], "scope": object, "condition": object,
                    "severity": ["type": "string", "enum": ["info", "warning", "critical"]],
                    "for": ["type": "string", "example": "10m"], "keep_firing_for": ["type": "string"],
                    "labels": object, "annotations": object,
                ],
            ],
            "ManagedAlertRule": managed,
            "AlertRules": ["type": "object", "properties": ["rules": ["type": "array", "items": managed]]],
            "AlertProblems": [
                "type": "object", "required": ["error", "field"],
                "properties": [
                    "error": ["type": "string"], "field": ["type": "string"],
                    "problems": ["type": "array", "items": object],
                ],
            ],
            "BacktestRequest": [
                "type": "object", "required": ["rule", "from", "to"],
                "properties": [
                    "rule": ref("AlertRule"), "from": ["type": "string"], "to": ["type": "string"],
                    "step": ["type": "string"],
                ],
            ],
            "BacktestReport": [
                "type": "object",
                "properties": [
                    "rule_id": ["type": "string"], "from": ["type": "string"], "to": ["type": "string"],
                    "step": ["type": "string"], "evaluations": ["type": "integer"],
                    "transitions": ["type": "array", "items": object],
                    "intervals": [
                        "type": "array", "items": object,
                        "description": "When the rule would have fired and resolved, with the peak value.",
                    ],
                    "pending_without_firing": ["type": "integer"],
                ],
            ],
            "Alerts": [
                "type": "object",
                "properties": [
                    "alerts": ["type": "array", "items": object],
                    "history": ["type": "array", "items": object],
                ],
            ],
            "Silence": [
                "type": "object", "required": ["matchers", "ends_at"],
                "properties": [
                    "id": ["type": "string"], "matchers": ["type": "array", "items": ["type": "string"]],
                    "starts_at": ["type": "string"], "ends_at": ["type": "string"],
                    "created_by": ["type": "string"], "comment": ["type": "string"],
                ],
            ],
            "Silences": ["type": "object", "properties": ["silences": ["type": "array", "items": ref("Silence")]]],
            "AuditLog": ["type": "object", "properties": ["entries": ["type": "array", "items": object]]],
            "Receivers": ["type": "object", "properties": ["receivers": ["type": "array", "items": object]]],
        ]
    }
}
