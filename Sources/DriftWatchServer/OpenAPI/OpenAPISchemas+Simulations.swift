extension OpenAPISchemas {
    /// The bodies of the simulation routes: the request, a simulation and its fire drill.
    static var simulations: [String: Any] {
        let nullableString: [String: Any] = ["type": ["string", "null"]]
        let nullableNumber: [String: Any] = ["type": ["number", "null"]]
        let time: [String: Any] = ["type": "string", "format": "date-time"]
        let scenarioTypes = [
            "gradual_drift", "sudden_drift", "data_quality", "latency_spike", "concept_drift", "label_delay",
        ]
        let scenario: [String: Any] = [
            "type": "object", "required": ["type"],
            "description":
                "What fails, when and how strongly; times in simulated seconds after the traffic starts. magnitude: shift in training standard deviations (drift, default 2), latency multiplier (latency_spike, 5), change of the true effect in (0, 2] (concept_drift, 1.5).",
            "additionalProperties": false,
            "properties": [
                "type": ["type": "string", "enum": scenarioTypes],
                "features": ["type": "array", "items": ["type": "string"]],
                "magnitude": ["type": "number"], "start_seconds": ["type": "number", "minimum": 0],
                "duration_seconds": ["type": "number", "exclusiveMinimum": 0],
                "rate": ["type": "number", "description": "Share of events the fault touches, in (0, 1]."],
                "seed": ["type": "integer", "minimum": 0], "missing_rate": ["type": "number"],
                "outlier_rate": ["type": "number"], "unseen_category_rate": ["type": "number"],
                "unit_factor": ["type": "number"], "error_rate": ["type": "number"],
                "label_delay_seconds": ["type": "number"], "label_drop_rate": ["type": "number"],
            ],
        ]
        let outcome: [String: Any] = [
            "type": "object",
            "properties": [
                "monitor": ["type": "string"], "metric": ["type": "string"], "feature": ["type": "string"],
                "rule": ["type": "string", "description": "When a stored value fires, e.g. value >= 0.5."],
                "expected": ["type": "boolean", "description": "Whether the fault moves what the monitor watches."],
                "observed": ["type": "boolean", "description": "Whether any round of it was stored in the span."],
                "detected": ["type": "boolean"], "detected_at": nullableString,
                "detection_delay_seconds": nullableNumber, "false_alarms": ["type": "integer"],
                "observations_before_fault": ["type": "integer"],
                "firing_observations_before_fault": ["type": "integer"],
            ],
        ]
        return [
            "SimulationRequest": [
                "type": "object", "additionalProperties": false,
                "description":
                    "scenario is required on /v1/simulations; on /simulate/{scenario} the body and its scenario are optional.",
                "properties": [
                    "model": ["type": "string", "enum": ["fraud", "price", "churn"], "default": "fraud"],
                    "scenario": scenario,
                    "rate": ["type": "number", "default": 50, "description": "Events per simulated second."],
                    "duration_seconds": ["type": "number", "default": 60, "description": "Simulated seconds."],
                    "seed": ["type": "integer", "default": 0],
                    "time_scale": [
                        "type": "number", "default": 1, "minimum": 1,
                        "description":
                            "Simulated seconds per wall-clock second; events carry their real-time timestamps from the start.",
                    ],
                ],
            ],
            "Simulation": [
                "type": "object",
                "required": ["id", "state", "model_id", "scenario", "events_sent", "fault"],
                "properties": [
                    "id": ["type": "string"],
                    "state": ["type": "string", "enum": ["running", "finished", "failed", "cancelled"]],
                    "model_id": ["type": "string"], "scenario": scenario, "rate": ["type": "number"],
                    "duration_seconds": ["type": "number"], "seed": ["type": "integer"],
                    "time_scale": ["type": "number"], "created_at": time, "traffic_start": time, "traffic_end": time,
                    "simulated_time": nullableString, "ended_at": nullableString, "error": nullableString,
                    "events_sent": ["type": "integer"], "labels_sent": ["type": "integer"],
                    "labels_pending": ["type": "integer"],
                    "fault": [
                        "type": "object", "description": "The injected fault's ground truth.",
                        "properties": [
                            "model_id": ["type": "string"], "scenario": ["type": "string", "enum": scenarioTypes],
                            "start": time, "full_effect": time, "end": nullableString,
                            "features": ["type": "array", "items": ["type": "string"]],
                            "signals": ["type": "array", "items": ["type": "string"]],
                        ],
                    ],
                    "fire_drill": [
                        "type": "object",
                        "description":
                            "The scheduled monitors' stored rounds from the traffic start to an hour after its end, scored against the fault.",
                        "properties": [
                            "fault_start": time, "rounds_from": time, "rounds_to": time,
                            "monitors": ["type": "array", "items": outcome],
                            "summary": [
                                "type": "object",
                                "properties": [
                                    "expected": ["type": "integer"], "expected_detected": ["type": "integer"],
                                    "false_alarms": ["type": "integer"],
                                ],
                            ],
                        ],
                    ],
                ],
            ],
            "SimulationList": [
                "type": "object",
                "properties": [
                    "simulations": ["type": "array", "items": ref("Simulation")],
                    "running": ["type": "integer"], "max_running": ["type": "integer"],
                ],
            ],
        ]
    }
}
