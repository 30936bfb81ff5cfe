import DriftWatchCore
import Foundation
import Hummingbird

/// `GET /v1/models/{id}/timeseries?metric=…`: the stored results of the scheduled monitors.
struct TimeSeriesRoutes<Context: RequestContext>: Sendable {
    let store: any EventStore

    func add(to router: Router<Context>) {
        router.get("/v1/models/:model/timeseries") { request, context in
            let id = try context.parameters.require("model")
            let query = request.uri.queryParameters
            guard let metric = query["metric"].map(String.init), !metric.isEmpty else {
                return JSONResponse.make(
                    .badRequest,
                    [
                        "error":
                            "is required: dataset_drift_share, feature_drift_count, feature_drift_score, events, error_rate, latency_p50_ms, latency_p95_ms, latency_p99_ms, quality_score, missing_rate, outlier_rate, label_coverage, or a performance metric (accuracy, f1, roc_auc, rmse, …)",
                        "field": "metric",
                    ])
            }
            let window: TimeWindow
            let scope: TrafficScope
            switch TimeWindow.readScoped(query) {
            case .success(let read): (window, scope) = read
            case .failure(let refusal): return refusal.response
            }
            let results = try await store.results(
                modelID: id, version: scope.version ?? "", segment: scope.segment, metric: metric,
                feature: query["feature"].map(String.init), from: window.from, to: window.to)
            return JSONResponse.make(
                .ok,
                [
                    "model_id": id, "metric": metric, "window": window.json, "scope": scope.json,
                    "points": results.map { result -> [String: Any] in
                        [
                            "feature": result.feature,
                            "window_start": Timestamps.format(result.windowStart),
                            "window_end": Timestamps.format(result.windowEnd),
                            "value": result.value ?? NSNull(),
                            "details": JSONText(text: result.details),
                        ]
                    },
                ])
        }
    }
}
