import DriftStats
import DriftWatchCore
import Foundation
import Hummingbird

/// `GET /v1/models/{id}/performance`: realized performance of the predictions in a window that
/// have their labels, from the labelled predictions in the window's profile buckets (any
/// version and segment), or with `source=events` read one by one and scored exactly as
/// `driftwatch perf` scores a CSV file.
struct PerformanceRoutes<Context: RequestContext>: Sendable {
    let store: any EventStore
    let models: ModelRegistry

    func add(to router: Router<Context>) {
        router.get("/v1/models/:model/performance") { request, context in
            try await performance(request, model: try context.parameters.require("model"))
        }
        // The older stacks' path: the model `default`, or `model_id` from the query.
        router.get("/monitor/performance") { request, _ in
            try await performance(request, model: request.uri.queryParameters["model_id"].map(String.init) ?? "default")
        }
    }

    private func performance(_ request: Request, model id: String) async throws -> Response {
        let query = request.uri.queryParameters
        let window: TimeWindow
        let scope: TrafficScope
        switch TimeWindow.readScoped(query) {
        case .success(let read): (window, scope) = read
        case .failure(let refusal): return refusal.response
        }
        let exact: Bool
        switch query["source"].map(String.init) {
        case nil, "profiles": exact = false
        case "events": exact = true
        case let other?:
            return TimeWindow.Invalid(parameter: "source", message: "must be profiles or events, not \"\(other)\"")
                .response
        }
        if exact && scope != .all {
            return TimeWindow.Invalid(
                parameter: "source", message: "events scores all of the model's traffic; it takes no version or segment"
            ).response
        }
        let checks = ModelChecks(store: store, models: models)
        let realized: RealizedPerformance
        let report: PerformanceReport
        do {
            (realized, report) = try await checks.performance(
                model: id, window: window, scope: scope, positive: query["positive"].map(String.init), exact: exact)
        } catch let unavailable as ModelChecks.Unavailable {
            return JSONResponse.error(
                unavailable == .noModel(id) ? .notFound : .unprocessableContent, unavailable.message)
        } catch let error as CSVError {
            return JSONResponse.error(
                .unprocessableContent, "the labelled predictions cannot be scored: \(error.message)")
        } catch let error as UndefinedStatistic {
            return JSONResponse.error(
                .unprocessableContent, "the window's predictions cannot be scored: \(error.reason)")
        }
        return JSONResponse.make(
            .ok,
            [
                "model_id": id,
                "window": window.json,
                "scope": scope.json,
                "source": realized.source,
                "inferences": realized.inferences,
                "labeled": realized.labeled,
                "label_coverage": realized.coverage ?? 0,
                "label_delay_seconds": realized.labelDelay.map { ["p50": $0.p50, "p90": $0.p90, "max": $0.max] as Any }
                    ?? NSNull(),
                "report": JSONText(text: report.json()),
            ])
    }
}
