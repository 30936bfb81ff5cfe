import DriftWatchCore
import Foundation
import Hummingbird

/// `GET /v1/models/{id}/quality`: missing values, out-of-range values, outliers and unseen
/// categories per feature in a window, against the reference, and one quality score.
struct QualityRoutes<Context: RequestContext>: Sendable {
    let store: any EventStore
    let models: ModelRegistry

    func add(to router: Router<Context>) {
        router.get("/v1/models/:model/quality") { request, context in
            let id = try context.parameters.require("model")
            let query = request.uri.queryParameters
            let window: TimeWindow
            let scope: TrafficScope
            switch TimeWindow.readScoped(query) {
            case .success(let read): (window, scope) = read
            case .failure(let refusal): return refusal.response
            }
            let result: (events: Int, quality: DataQuality)
            let checks = ModelChecks(store: store, models: models)
            do {
                if query["source"] == "events" {
                    result = try await checks.quality(model: id, window: window)
                } else {
                    let read = try await checks.profileQuality(model: id, window: window, scope: scope)
                    result = (read.profile.count, read.quality)
                }
            } catch let unavailable as ModelChecks.Unavailable {
                return JSONResponse.error(.notFound, unavailable.message)
            }
            return JSONResponse.make(
                .ok,
                [
                    "model_id": id, "window": window.json, "scope": scope.json, "events": result.events,
                    "score": result.quality.score,
                    "features": result.quality.features.map { feature -> [String: Any] in
                        [
                            "name": feature.name, "kind": feature.kind.rawValue, "count": feature.count,
                            "missing": feature.missing, "missing_rate": feature.missingRate,
                            "out_of_range": feature.outOfRange, "outliers": feature.outliers,
                            "outlier_rate": feature.outlierRate, "unseen": feature.unseen,
                            "unseen_rate": feature.unseenRate,
                        ]
                    },
                ])
        }
    }
}
