import DriftWatchCore
import Foundation
import Hummingbird

/// `POST /v1/models`, `GET /v1/models` and `GET /v1/models/{id}`.
struct ModelRoutes<Context: RequestContext>: Sendable {
    let store: any EventStore
    let models: ModelRegistry
    let limits: IngestLimits

    func add(to router: Router<Context>) {
        router.post("/v1/models") { request, _ in try await declare(request) }
        router.get("/v1/models") { _, _ in
            let all = try await store.models()
            return JSONResponse.make(.ok, ["models": all.map(ModelDeclaration.json)])
        }
        router.get("/v1/models/:model") { _, context in
            let id = try context.parameters.require("model")
            guard let model = try await models.lookUp(id) else {
                return JSONResponse.error(.notFound, "no model \(id)")
            }
            let activity = try await store.activity(modelID: id)
            let violations = try await store.schemaViolationCounts(modelID: id)
            var body = ModelDeclaration.json(model)
            var activityJSON: [String: Any] = ["inferences": activity.inferences, "labels": activity.labels]
            activityJSON["first_event"] = activity.firstEvent.map(Timestamps.format) ?? NSNull()
            activityJSON["last_event"] = activity.lastEvent.map(Timestamps.format) ?? NSNull()
            body["activity"] = activityJSON
            body["schema_violations"] = [
                "total": violations.reduce(0) { $0 + $1.count },
                "by_field": violations.map {
                    [
                        "field": $0.field, "kind": $0.kind.rawValue, "count": $0.count,
                        "last_seen": Timestamps.format($0.lastSeen),
                    ] as [String: Any]
                },
            ]
            return JSONResponse.make(.ok, body)
        }
    }

    private func declare(_ request: Request) async throws -> Response {
        let value: JSONValue
        switch try await JSONBody.read(request, limits: limits) {
        case .json(let json): value = json
        case .refused(let response): return response
        }
        let model: ModelDefinition
        do {
            model = try ModelDeclaration.parse(value, now: Date(), maxStringLength: limits.maxStringLength)
        } catch {
            return JSONResponse.make(.unprocessableContent, ["error": error.error, "field": error.field])
        }
        let (stored, created) = try await models.declare(model)
        return JSONResponse.make(created ? .created : .ok, ModelDeclaration.json(stored))
    }
}
