extension OpenAPIDocument {
    /// The model reports: an HTML page by default, the same content as JSON on request.
    static let reportOperations: [Operation] = [
        Operation(
            method: "get", path: "/v1/models/{model}/report",
            summary:
                "The model's report over a window: drift per feature with its trend, performance with a linear forecast and 95 % prediction band, data quality, latency, alerts and recommendations. A self-contained HTML page, or JSON with format=json or Accept: application/json (query: from, to, window (default 7d), version, segment, threshold, horizon, format).",
            responses: [200: "ModelReport", 400: "DeclarationError", 404: "Error"],
            exampleQuery: "format=json&window=7d"),
        Operation(
            method: "get", path: "/monitor/report",
            summary:
                "The older stacks' path: the report of the model `default` (or `model_id`), as /v1/models/{id}/report.",
            responses: [200: "ModelReport", 400: "DeclarationError", 404: "Error"],
            exampleQuery: "model_id=fraud&format=json&window=7d"),
    ]
}
