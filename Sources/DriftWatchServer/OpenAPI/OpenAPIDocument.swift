/// The OpenAPI 3.1 description of every route, served at `GET /openapi.json`.
///
/// A test compares its operations with the router's routes and sends each operation's example
/// request, checking that the answer's status and fields are the documented ones.
enum OpenAPIDocument {
    /// One documented operation.
    struct Operation {
        var method: String
        var path: String
        var summary: String
        var requestSchema: String?
        var requestExample: String?
        var requestContentTypes = ["application/json"]
        /// Status code → response schema name (nil for a non-JSON body).
        var responses: [Int: String?]
        /// A query string for the example request (`x-example-query`).
        var exampleQuery: String? = nil
    }

    /// Every ingest answer has the same shape, whatever its status.
    private static let ingestResponses: [Int: String?] = Dictionary(
        uniqueKeysWithValues: [200, 400, 413, 422, 429, 503].map { ($0, "IngestAnswer") })

    static let operations: [Operation] = [
        Operation(
            method: "post", path: "/v1/inferences",
            summary: "Log predictions: one object, an array, or NDJSON of any length (streamed).",
            requestSchema: "Inference",
            requestExample:
                #"{"model_id": "fraud", "request_id": "r-1", "y_pred_num": 0.91, "latency_ms": 12.5, "features": {"amount": 120.5, "country": "DE"}, "segments": {"region": "eu"}}"#,
            requestContentTypes: ["application/json", "application/x-ndjson"],
            responses: ingestResponses),
        Operation(
            method: "post", path: "/v1/labels", summary: "Log ground truth, joined to predictions by request_id.",
            requestSchema: "Label", requestExample: #"{"model_id": "fraud", "request_id": "r-1", "y_true_num": 1}"#,
            requestContentTypes: ["application/json", "application/x-ndjson"],
            responses: ingestResponses),
        Operation(
            method: "post", path: "/v1/models", summary: "Declare (create or replace) a model and its schema.",
            requestSchema: "ModelDeclaration",
            requestExample:
                #"{"id": "fraud", "task": "binary", "features": {"amount": "numeric", "country": "categorical"}, "segments": ["region"]}"#,
            responses: [200: "Model", 201: "Model", 400: "Error", 413: "Error", 422: "DeclarationError"]),
        Operation(method: "get", path: "/v1/models", summary: "Every model.", responses: [200: "ModelList"]),
        Operation(
            method: "get", path: "/v1/models/{model}",
            summary: "A model with its activity and schema violation counts.", responses: [200: "Model", 404: "Error"]),
        Operation(
            method: "post", path: "/v1/models/{model}/reference",
            summary:
                "Upload the model's reference dataset (CSV with a header, JSON or NDJSON rows); replaces any earlier one. With version=V it is the reference of that model version only, used for its traffic instead of the model-wide one.",
            requestSchema: "ReferenceRow",
            requestExample: #"[{"amount": 120.5, "country": "DE"}, {"amount": 80.0, "country": "FR"}]"#,
            requestContentTypes: ["application/json", "application/x-ndjson", "text/csv"],
            responses: [201: "Reference", 400: "Error", 413: "Error", 422: "Error"]),
        Operation(
            method: "get", path: "/v1/models/{model}/reference",
            summary: "The reference dataset's summary (query: version for a version's own reference).",
            responses: [200: "Reference", 400: "DeclarationError", 404: "Error"]),
        Operation(
            method: "delete", path: "/v1/models/{model}/reference",
            summary:
                "Delete the model-wide reference, or with version=V that version's own (its traffic is then compared with the model-wide one).",
            responses: [204: nil, 400: "DeclarationError", 404: "Error"]),
        Operation(
            method: "get", path: "/v1/models/{model}/drift",
            summary:
                "Drift of a time window against the model's reference, from the window's profiles or (source=events) its raw events (query: from, to, window, version, segment, method, source, limit).",
            responses: [200: "DriftAnswer", 400: "DeclarationError", 404: "Error"]),
        Operation(
            method: "get", path: "/v1/models/{model}/performance",
            summary:
                "Realized performance of the window's labelled predictions, from the labels counted in the window's profiles (ROC AUC and average precision with scores binned to thousandths) or (source=events) read one by one and scored exactly as `driftwatch perf` scores (query: from, to, window, version, segment, positive, source).",
            responses: [200: "PerformanceAnswer", 400: "DeclarationError", 404: "Error", 422: "Error"]),
        Operation(
            method: "get", path: "/v1/models/{model}/quality",
            summary:
                "Missing values, out-of-range values, outliers and unseen categories per feature in a window, against the reference, and a quality score (query: from, to, window, version, segment, source).",
            responses: [200: "QualityAnswer", 400: "DeclarationError", 404: "Error"]),
        Operation(
            method: "get", path: "/v1/models/{model}/timeseries",
            summary:
                "Stored results of the scheduled monitors (query: metric, feature, from, to, window, version, segment).",
            responses: [200: "TimeSeries", 400: "DeclarationError"],
            exampleQuery: "metric=dataset_drift_share&window=7d"),
        Operation(
            method: "get", path: "/v1/models/{model}/overview",
            summary:
                "Inferences, errors, latency p50/p95, inferences per minute with a series, top segments and a prediction-vs-feature sample (query: from, to, window, version, segment, feature).",
            responses: [200: "Overview", 400: "DeclarationError", 404: "Error"], exampleQuery: "window=1h"),
        Operation(
            method: "get", path: "/v1/models/{model}/latency",
            summary:
                "Latency p50/p95/p99, mean, max and error rate of a window, with a series (query: from, to, window, version, segment).",
            responses: [200: "Latency", 400: "DeclarationError", 404: "Error"], exampleQuery: "window=1h"),
        Operation(
            method: "get", path: "/v1/models/{model}/segments",
            summary:
                "Volume, share, errors, latency, mean prediction and missing rate per segment value (query: from, to, window, version).",
            responses: [200: "Segments", 400: "DeclarationError", 404: "Error"], exampleQuery: "window=1h"),
        Operation(
            method: "get", path: "/v1/models/{model}/events/{request}",
            summary: "A stored inference with its label.", responses: [200: "StoredEvent", 404: "Error"]),
        Operation(
            method: "post", path: "/monitor/predict",
            summary: "The older stacks' path: features, prediction and ground truth on the default model.",
            requestSchema: "PredictCompat",
            requestExample: #"{"features": {"age": 41}, "prediction": 0.82, "ground_truth": 1}"#,
            responses: [200: "PredictAnswer", 400: "Error", 422: "PredictAnswer", 503: "Error"]),
        Operation(
            method: "get", path: "/monitor/drift",
            summary: "The older stacks' path: drift of the model `default` (or `model_id`), as /v1/models/{id}/drift.",
            responses: [200: "DriftAnswer", 400: "DeclarationError", 404: "Error"],
            exampleQuery: "model_id=fraud&window=1h"),
        Operation(
            method: "get", path: "/monitor/performance",
            summary:
                "The older stacks' path: performance of the model `default` (or `model_id`), as /v1/models/{id}/performance.",
            responses: [200: "PerformanceAnswer", 400: "DeclarationError", 404: "Error", 422: "Error"],
            exampleQuery: "model_id=fraud&window=1h"),
        Operation(
            method: "post", path: "/v1/simulations",
            summary:
                "Start simulated traffic of a demo model (fraud, price, churn; declared with its reference if missing) with an injected fault, written through the ingest path; time_scale speeds the simulated clock.",
            requestSchema: "SimulationRequest",
            requestExample:
                #"{"model": "fraud", "scenario": {"type": "sudden_drift", "features": ["amount"], "magnitude": 2, "start_seconds": 300}, "rate": 20, "duration_seconds": 600, "seed": 7, "time_scale": 300}"#,
            responses: [202: "Simulation", 400: "Error", 413: "Error", 422: "DeclarationError", 429: "Error"]),
        Operation(
            method: "get", path: "/v1/simulations",
            summary: "The simulations kept (running and recent), newest first, each with its fire-drill report.",
            responses: [200: "SimulationList"]),
        Operation(
            method: "get", path: "/v1/simulations/{id}",
            summary:
                "A simulation (`latest` for the newest): state, events and labels sent, the fault's ground truth, and how the scheduled monitors did against it.",
            responses: [200: "Simulation", 404: "Error"]),
        Operation(
            method: "post", path: "/simulate/{scenario}",
            summary:
                "The older stacks' path: start a simulation of the scenario in the path (model fraud unless the optional body, as for /v1/simulations, says otherwise).",
            requestSchema: "SimulationRequest",
            requestExample: #"{"model": "churn", "duration_seconds": 120, "time_scale": 60}"#,
            responses: [202: "Simulation", 400: "Error", 413: "Error", 422: "DeclarationError", 429: "Error"]),
        Operation(
            method: "get", path: "/health", summary: "Status of each component.",
            responses: [200: "Health", 503: "Health"]),
        Operation(
            method: "get", path: "/metrics", summary: "Prometheus metrics (text exposition format).",
            responses: [200: nil]),
        Operation(
            method: "get", path: "/openapi.json", summary: "This document.", responses: [200: nil]),
    ]

    /// The document.
    static func json(version: String) -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for operation in operations + alertingOperations + referenceWindowOperations + reportOperations {
            var item: [String: Any] = [
                "summary": operation.summary,
                "operationId": operationID(operation),
                "responses": Dictionary(
                    uniqueKeysWithValues: operation.responses.map { status, schema in
                        (String(status), response(status, schema, operation.path))
                    }),
            ]
            if let query = operation.exampleQuery { item["x-example-query"] = query }
            let parameters = pathParameters(operation.path)
            if !parameters.isEmpty {
                item["parameters"] = parameters.map {
                    ["name": $0, "in": "path", "required": true, "schema": ["type": "string"]] as [String: Any]
                }
            }
            if let schema = operation.requestSchema {
                var content: [String: Any] = [:]
                for type in operation.requestContentTypes {
                    var media: [String: Any] =
                        type == "application/json"
                        ? [
                            "schema": [
                                "oneOf": [
                                    OpenAPISchemas.ref(schema), ["type": "array", "items": OpenAPISchemas.ref(schema)],
                                ]
                            ]
                        ]
                        : ["schema": ["type": "string", "description": "One \(schema) object per line."]]
                    if type == "text/csv" {
                        media["schema"] = [
                            "type": "string", "description": "CSV with a header row; one column per feature.",
                        ]
                    }
                    if ["ModelDeclaration", "PredictCompat", "SimulationRequest"].contains(schema) {
                        media["schema"] = OpenAPISchemas.ref(schema)
                    }
                    if type == "application/json", let example = operation.requestExample { media["example"] = example }
                    content[type] = media
                }
                item["requestBody"] = ["required": true, "content": content]
            }
            paths[operation.path, default: [:]][operation.method] = item
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "DriftWatch",
                "version": version,
                "description":
                    "Ingest predictions and labels; read models and events. Every write is acknowledged only after it is committed.",
            ],
            "paths": paths,
            "components": [
                "schemas": OpenAPISchemas.all.merging(OpenAPISchemas.traffic) { first, _ in first }
                    .merging(OpenAPISchemas.alerting) { first, _ in first }
                    .merging(OpenAPISchemas.simulations) { first, _ in first }
                    .merging(OpenAPISchemas.reports) { first, _ in first }
            ],
        ]
    }

    static func pathParameters(_ path: String) -> [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
    }

    private static func operationID(_ operation: Operation) -> String {
        let words = operation.path.split(separator: "/").map { part in
            part.hasPrefix("{")
                ? "By" + part.dropFirst().dropLast().capitalized
                : part.replacingOccurrences(of: ".json", with: "").capitalized
        }
        return operation.method + words.joined().replacingOccurrences(of: "-", with: "")
    }

    private static func response(_ status: Int, _ schema: String?, _ path: String) -> [String: Any] {
        let descriptions = [
            200: "OK", 201: "Created", 202: "Accepted", 400: "Malformed JSON", 404: "Not found", 413: "Body too large",
            422: "Every row was refused",
            429: "Too busy (ingest queue full, or too many simulations running); retry after Retry-After seconds",
            503: "Storage unavailable; retry",
        ]
        var answer: [String: Any] = ["description": descriptions[status] ?? "\(status)"]
        if let schema {
            answer["content"] = ["application/json": ["schema": OpenAPISchemas.ref(schema)]]
            // A report is an HTML page unless JSON is asked for; both carry the same content.
            if schema == "ModelReport" {
                answer["content"] = [
                    "text/html": ["schema": ["type": "string"]],
                    "application/json": ["schema": OpenAPISchemas.ref(schema)],
                ]
            }
        } else {
            answer["content"] = [path == "/metrics" ? "text/plain" : "application/json": ["schema": ["type": "string"]]]
        }
        if status == 429 { answer["headers"] = ["Retry-After": ["schema": ["type": "integer"]]] }
        return answer
    }
}
