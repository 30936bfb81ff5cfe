/// The JSON Schemas of the API's bodies, referenced from ``OpenAPIDocument``.
enum OpenAPISchemas {
    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    private static var nullableString: [String: Any] { ["type": ["string", "null"]] }
    private static var nullableNumber: [String: Any] { ["type": ["number", "null"]] }
    private static var timestamp: [String: Any] {
        [
            "description": "RFC 3339 / ISO 8601 text, or Unix seconds; missing means the time of receipt.",
            "oneOf": [["type": "string", "format": "date-time"], ["type": "number"]],
        ]
    }

    static var all: [String: Any] {
        [
            "Inference": [
                "type": "object",
                "required": ["model_id"],
                "properties": [
                    "model_id": ["type": "string"],
                    "model_version": nullableString,
                    "request_id": [
                        "type": ["string", "null"], "description": "Generated (and returned) when missing.",
                    ],
                    "ts": timestamp,
                    "y_pred_num": nullableNumber,
                    "y_pred_text": nullableString,
                    "y_proba": [
                        "type": ["object", "null"],
                        "additionalProperties": ["type": "number", "minimum": 0, "maximum": 1],
                    ],
                    "latency_ms": ["type": ["number", "null"], "minimum": 0],
                    "features": [
                        "type": ["object", "null"],
                        "description":
                            "NaN, ±Infinity and null (also as the strings \"NaN\", \"Infinity\") are missing values.",
                        "additionalProperties": ["type": ["number", "string", "boolean", "null"]],
                    ],
                    "segments": [
                        "type": ["object", "null"], "additionalProperties": ["type": ["string", "number", "boolean"]],
                    ],
                    "error": nullableString,
                ],
            ],
            "Label": [
                "type": "object",
                "required": ["model_id", "request_id"],
                "description": "Needs y_true_num or y_true_text. May arrive before its inference.",
                "properties": [
                    "model_id": ["type": "string"], "request_id": ["type": "string"], "ts": timestamp,
                    "y_true_num": nullableNumber, "y_true_text": nullableString,
                ],
            ],
            "Rejected": [
                "type": "object",
                "required": ["index", "field", "error"],
                "properties": [
                    "index": ["type": "integer", "description": "0-based position of the row in the body."],
                    "field": ["type": "string", "description": "The field at fault; empty for the row as a whole."],
                    "error": ["type": "string"],
                ],
            ],
            "IngestAnswer": [
                "type": "object",
                "required": ["accepted", "rejected", "rejected_count"],
                "properties": [
                    "accepted": ["type": "integer"],
                    "duplicates": ["type": "integer", "description": "Rows already stored under the same request_id."],
                    "request_ids": ["type": "array", "items": ["type": "string"]],
                    "schema_violations": ["type": "integer"],
                    "rejected": ["type": "array", "items": ref("Rejected")],
                    "rejected_count": ["type": "integer"],
                    "error": ["type": "string"],
                ],
            ],
            "ModelDeclaration": [
                "type": "object",
                "required": ["id"],
                "additionalProperties": false,
                "properties": [
                    "id": ["type": "string"],
                    "task": ["enum": ["binary", "multiclass", "regression", "unknown"]],
                    "description": nullableString,
                    "features": ["type": "object", "additionalProperties": ["enum": ["numeric", "categorical"]]],
                    "segments": ["type": "array", "items": ["type": "string"]],
                ],
            ],
            "Model": [
                "type": "object",
                "properties": [
                    "id": ["type": "string"],
                    "task": ["enum": ["binary", "multiclass", "regression", "unknown"]],
                    "origin": ["enum": ["declared", "learned"]],
                    "description": nullableString,
                    "features": ["type": "object", "additionalProperties": ["enum": ["numeric", "categorical"]]],
                    "segments": ["type": "array", "items": ["type": "string"]],
                    "created_at": ["type": "string", "format": "date-time"],
                    "updated_at": ["type": "string", "format": "date-time"],
                    "activity": ["type": "object"],
                    "schema_violations": ["type": "object"],
                ],
            ],
            "ModelList": ["type": "object", "properties": ["models": ["type": "array", "items": ref("Model")]]],
            "StoredEvent": [
                "type": "object",
                "description": "An inference with its label (null until it arrives).",
                "properties": [
                    "model_id": ["type": "string"], "model_version": nullableString, "request_id": ["type": "string"],
                    "ts": ["type": "string"], "y_pred_num": nullableNumber, "y_pred_text": nullableString,
                    "y_proba": ["type": "object"], "latency_ms": nullableNumber, "features": ["type": "object"],
                    "segments": ["type": "object"], "error": nullableString,
                    "schema_violations": ["type": "array"], "label": ["type": ["object", "null"]],
                ],
            ],
            "PredictCompat": [
                "type": "object",
                "properties": [
                    "features": ["type": "object"], "prediction": ["type": ["number", "string", "boolean"]],
                    "ground_truth": ["type": ["number", "string", "boolean", "null"]], "model_id": ["type": "string"],
                ],
            ],
            "PredictAnswer": [
                "type": "object",
                "properties": [
                    "accepted": ["type": "integer"], "model_id": ["type": "string"], "request_id": ["type": "string"],
                    "rejected": ["type": "array", "items": ref("Rejected")],
                ],
            ],
            "Health": [
                "type": "object",
                "description":
                    "components.store (status, models), components.ingest (pending_events, capacity, commits), components.profiles (status ok or catching_up, events_behind, label_changes_behind: what the profiler has not counted yet).",
                "properties": ["status": ["enum": ["ok", "unavailable"]], "components": ["type": "object"]],
            ],
            "Error": ["type": "object", "required": ["error"], "properties": ["error": ["type": "string"]]],
            "ReferenceRow": [
                "type": "object",
                "description": "Feature values: a flat object, or an event with a features object.",
                "additionalProperties": true,
            ],
            "Reference": [
                "type": "object",
                "properties": [
                    "model_id": ["type": "string"],
                    "model_version": [
                        "type": ["string", "null"],
                        "description": "The version it is the reference of; null for the model-wide reference.",
                    ],
                    "versions_with_reference": [
                        "type": "array", "items": ["type": "string"],
                        "description": "Versions with a reference of their own (GET only).",
                    ],
                    "source": ["type": "string"], "rows": ["type": "integer"],
                    "created_at": ["type": "string", "format": "date-time"],
                    "columns": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "name": ["type": "string"], "kind": ["enum": ["numeric", "categorical"]],
                                "missing": ["type": "integer"],
                            ],
                        ],
                    ],
                ],
            ],
            "QualityAnswer": [
                "type": "object",
                "properties": [
                    "model_id": ["type": "string"], "window": ["type": "object"], "events": ["type": "integer"],
                    "scope": ref("Scope"),
                    "score": ["type": "number", "description": "1 − the mean share of values with a problem."],
                    "features": ["type": "array", "items": ["type": "object"]],
                ],
            ],
            "TimeSeries": [
                "type": "object",
                "properties": [
                    "model_id": ["type": "string"], "metric": ["type": "string"], "window": ["type": "object"],
                    "scope": ref("Scope"),
                    "points": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "feature": ["type": "string"], "window_start": ["type": "string"],
                                "window_end": ["type": "string"], "value": ["type": ["number", "null"]],
                                "details": ["type": "object"],
                            ],
                        ],
                    ],
                ],
            ],
            "PerformanceAnswer": [
                "type": "object",
                "properties": [
                    "model_id": ["type": "string"],
                    "window": ["type": "object"],
                    "scope": ref("Scope"),
                    "source": [
                        "type": "string", "enum": ["profiles", "events"],
                        "description": "Where the labelled predictions were read from.",
                    ],
                    "inferences": ["type": "integer"],
                    "labeled": ["type": "integer"],
                    "label_coverage": ["type": "number"],
                    "label_delay_seconds": [
                        "type": ["object", "null"],
                        "description":
                            "Seconds from prediction to label over the labelled predictions (nearest rank; from the profiles within 1 %; null without labels).",
                        "properties": [
                            "p50": ["type": "number"], "p90": ["type": "number"], "max": ["type": "number"],
                        ],
                    ],
                    "report": ["type": "object", "description": "The same report as `driftwatch perf --format json`."],
                ],
            ],
            "DriftAnswer": [
                "type": "object",
                "properties": [
                    "model_id": ["type": "string"],
                    "window": [
                        "type": "object",
                        "properties": [
                            "from": ["type": "string", "format": "date-time"],
                            "to": ["type": "string", "format": "date-time"],
                        ],
                    ],
                    "events": ["type": "integer"],
                    "scope": ref("Scope"),
                    "source": [
                        "type": "string", "enum": ["profiles", "events"],
                        "description": "What the report was computed from: the window's profiles, or its raw events.",
                    ],
                    "truncated": ["type": "boolean", "description": "The window held more events than limit."],
                    "reference": [
                        "type": "object",
                        "description":
                            "The reference compared with (profiles only): the version's own when it has one, else the model-wide one, else a rolling one.",
                        "properties": [
                            "source": ["type": "string"], "rows": ["type": "integer"],
                            "model_version": ["type": ["string", "null"]],
                        ],
                    ],
                    "report": [
                        "type": "object",
                        "description": "The same report as `driftwatch drift --format json`.",
                    ],
                ],
            ],
            "DeclarationError": [
                "type": "object", "required": ["error", "field"],
                "properties": ["error": ["type": "string"], "field": ["type": "string"]],
            ],
        ]
    }
}
