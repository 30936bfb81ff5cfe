extension OpenAPISchemas {
    /// The answers of the profile reads: overview, latency and segments.
    static var traffic: [String: Any] {
        let nullableNumber: [String: Any] = ["type": ["number", "null"]]
        let latency: [String: Any] = [
            "type": "object", "description": "Milliseconds; null when no latency was reported.",
            "properties": [
                "p50": nullableNumber, "p95": nullableNumber, "p99": nullableNumber, "mean": nullableNumber,
                "max": nullableNumber,
            ],
        ]
        let segment: [String: Any] = [
            "type": "object",
            "properties": [
                "segment": ["type": "string", "description": "key:value"], "key": ["type": "string"],
                "value": ["type": "string"], "inferences": ["type": "integer"], "share": ["type": "number"],
                "errors": ["type": "integer"], "error_rate": nullableNumber, "latency_ms": latency,
                "prediction_mean": nullableNumber, "missing_rate": ["type": "number"],
            ],
        ]
        let common: [String: Any] = [
            "model_id": ["type": "string"], "window": ["type": "object"], "scope": ref("Scope"),
            "inferences": ["type": "integer"],
        ]
        return [
            "Scope": [
                "type": "object", "description": "The traffic answered for; null means all.",
                "properties": ["version": ["type": ["string", "null"]], "segment": ["type": ["string", "null"]]],
            ],
            "Overview": [
                "type": "object",
                "properties": common.merging([
                    "errors": ["type": "integer"], "error_rate": nullableNumber, "latency_ms": latency,
                    "inferences_per_minute": ["type": "number"],
                    "resolution": ["type": "string", "enum": ["minute", "hour", "day"]],
                    "series": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": ["start": ["type": "string"], "inferences": ["type": "integer"]],
                        ],
                    ],
                    "top_segments": ["type": "array", "items": segment],
                    "scatter": [
                        "type": "object",
                        "properties": [
                            "feature": ["type": ["string", "null"]],
                            "points": ["type": "array", "items": ["type": "object"]],
                        ],
                    ],
                ]) { first, _ in first },
            ],
            "Latency": [
                "type": "object",
                "properties": common.merging([
                    "errors": ["type": "integer"], "error_rate": nullableNumber, "latency_ms": latency,
                    "resolution": ["type": "string", "enum": ["minute", "hour", "day"]],
                    "series": ["type": "array", "items": ["type": "object"]],
                ]) { first, _ in first },
            ],
            "Segments": [
                "type": "object",
                "properties": common.merging(["segments": ["type": "array", "items": segment]]) { first, _ in first },
            ],
        ]
    }
}
