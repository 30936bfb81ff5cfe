import DriftStats
import DriftWatchCore
import Foundation
import Hummingbird

/// `GET /v1/models/{id}/performance`: realized performance of the predictions in a window that
/// have their labels, scored exactly as `driftwatch perf` scores a CSV file.
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
        switch TimeWindow.read(query) {
        case .success(let read): window = read
        case .failure(let refusal): return refusal.response
        }
        let checks = ModelChecks(store: store, models: models)
        let labeled: LabeledWindow
        let report: PerformanceReport
        do {
            (labeled, report) = try await checks.performance(
                model: id, window: window, positive: query["positive"].map(String.init))
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
                "inferences": labeled.inferences,
                "labeled": labeled.pairs.count,
                "label_coverage": labeled.inferences == 0
                    ? 0 : Double(labeled.pairs.count) / Double(labeled.inferences),
                "label_delay_seconds": labeled.labelDelay.map { ["p50": $0.p50, "p90": $0.p90, "max": $0.max] as Any }
                    ?? NSNull(),
                "report": JSONText(text: report.json()),
            ])
    }
}
