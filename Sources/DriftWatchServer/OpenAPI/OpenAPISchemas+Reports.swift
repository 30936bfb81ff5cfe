extension OpenAPISchemas {
    /// The JSON form of a model report (``ModelReport``): the same content as its HTML page.
    static var reports: [String: Any] {
        let number: [String: Any] = ["type": "number"]
        let optionalNumber: [String: Any] = ["type": "number", "description": "Absent when unknown."]
        let string: [String: Any] = ["type": "string"]
        let time: [String: Any] = ["type": "string", "format": "date-time"]
        let series: [String: Any] = ["type": "array", "items": ref("ReportSeriesPoint")]
        func object(_ properties: [String: Any], required: [String] = []) -> [String: Any] {
            ["type": "object", "required": required, "properties": properties]
        }
        return [
            "ReportSeriesPoint": object(
                ["at": time, "value": optionalNumber], required: ["at"]),
            "ReportRecommendation": object(
                [
                    "kind": [
                        "type": "string",
                        "enum": [
                            "investigate_feature", "check_upstream", "retrain", "check_service", "review_alerts",
                            "no_action",
                        ],
                    ],
                    "feature": string, "title": string,
                    "reason": [
                        "type": "string", "description": "The finding with its numbers and the limit it crossed.",
                    ],
                ], required: ["kind", "title", "reason"]),
            "TrendForecast": object(
                [
                    "outcome": [
                        "type": "string",
                        "enum": ["crosses", "does_not_cross", "already_crossed", "not_enough_points"],
                    ],
                    "points_used": ["type": "integer"], "threshold": number,
                    "direction": ["type": "string", "enum": ["higher_is_better", "lower_is_better"]],
                    "horizon_days": number, "confidence": number, "slope_per_day": optionalNumber,
                    "value_at_end": optionalNumber,
                    "days_to_threshold": [
                        "type": "number",
                        "description":
                            "Days after the window's end until the line meets the threshold (negative: before).",
                    ],
                    "points": [
                        "type": "array",
                        "items": object(
                            ["at": time, "value": number, "lower": number, "upper": number],
                            required: ["at", "value", "lower", "upper"]),
                    ],
                ], required: ["outcome", "points_used", "threshold", "direction", "horizon_days", "points"]),
            "ModelReport": object(
                [
                    "model_id": string, "task": string, "generated_at": time,
                    "window": object(["from": time, "to": time], required: ["from", "to"]),
                    "scope": object(["version": string, "segment": string]),
                    "inferences": ["type": "integer"],
                    "drift": object(
                        [
                            "available": ["type": "boolean"], "note": string, "dataset_drift_share": optionalNumber,
                            "drifted_features": ["type": "integer"], "total_features": ["type": "integer"],
                            "share_trend": series,
                            "features": [
                                "type": "array",
                                "items": object(
                                    [
                                        "name": string, "kind": string, "method": string, "score": optionalNumber,
                                        "p_value": optionalNumber, "drift": ["type": "boolean"], "trend": series,
                                    ], required: ["name", "kind", "method", "drift", "trend"]),
                            ],
                        ], required: ["available", "note", "features"]),
                    "performance": object(
                        [
                            "metric": string, "source": ["type": "string", "enum": ["realized", "estimated"]],
                            "note": string, "bucket_seconds": number, "series": series, "estimated": series,
                            "current": optionalNumber,
                            "window": [
                                "type": "array",
                                "items": object(["name": string, "value": number], required: ["name", "value"]),
                            ],
                            "labeled": ["type": "integer"], "label_coverage": optionalNumber,
                            "threshold": object(
                                [
                                    "value": number, "source": ["type": "string", "enum": ["reference", "parameter"]],
                                    "reference": optionalNumber, "explanation": string,
                                ], required: ["value", "source", "explanation"]),
                            "forecast": ref("TrendForecast"),
                            "forecast_sentence": string, "estimated_gap": optionalNumber,
                        ], required: ["note", "series", "forecast_sentence"]),
                    "quality": object(
                        [
                            "score": optionalNumber,
                            "features": [
                                "type": "array",
                                "items": object([
                                    "name": string, "kind": string, "count": ["type": "integer"],
                                    "missing_rate": number, "reference_missing_rate": optionalNumber,
                                    "outlier_rate": number, "out_of_range_rate": number, "unseen_rate": number,
                                ]),
                            ],
                        ], required: ["features"]),
                    "latency": object(
                        [
                            "inferences": ["type": "integer"], "errors": ["type": "integer"],
                            "error_rate": optionalNumber, "p50": optionalNumber, "p95": optionalNumber,
                            "p99": optionalNumber, "p95_trend": series,
                        ], required: ["inferences", "errors"]),
                    "alerts": object(
                        [
                            "enabled": ["type": "boolean"], "note": string,
                            "firing": ["type": "array", "items": ref("ReportAlert")],
                            "history": ["type": "array", "items": ref("ReportAlert")],
                        ], required: ["enabled", "note", "firing", "history"]),
                    "recommendations": ["type": "array", "items": ref("ReportRecommendation")],
                ],
                required: [
                    "model_id", "task", "generated_at", "window", "scope", "inferences", "drift", "performance",
                    "quality", "latency", "alerts", "recommendations",
                ]),
            "ReportAlert": object(
                [
                    "name": string, "severity": string, "state": string, "since": time, "summary": string,
                    "labels": [
                        "type": "array",
                        "items": object(["name": string, "value": string], required: ["name", "value"]),
                    ],
                    "value": optionalNumber,
                ], required: ["name", "severity", "state", "since", "labels"]),
        ]
    }
}
