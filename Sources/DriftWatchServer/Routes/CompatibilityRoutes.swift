import DriftWatchCore
import Foundation
import Hummingbird

/// `POST /monitor/predict`, the path users of the older monitoring stacks know:
/// `{"features": {...}, "prediction": …, "ground_truth": …}` logged on a default model.
struct CompatibilityRoutes<Context: RequestContext>: Sendable {
    let writer: GroupCommitWriter
    let models: ModelRegistry
    let limits: IngestLimits
    /// The model these events are logged under (`model_id` in the body overrides it).
    let defaultModel: String

    func add(to router: Router<Context>) {
        router.post("/monitor/predict") { request, context in try await predict(request, context) }
    }

    private func predict(_ request: Request, _ context: Context) async throws -> Response {
        let row: JSONValue
        switch try await JSONBody.read(request, limits: limits) {
        case .json(let value): row = value
        case .refused(let response): return response
        }
        guard case .object(var object) = row else {
            return JSONResponse.error(.unprocessableContent, "expected a JSON object")
        }
        if object["model_id"] == nil { object["model_id"] = .string(defaultModel) }
        switch object.removeValue(forKey: "prediction") {
        case .number(let value)?: object["y_pred_num"] = .number(value)
        case .string(let value)?: object["y_pred_text"] = .string(value)
        case .bool(let value)?: object["y_pred_num"] = .number(value ? 1 : 0)
        case nil, .null?: break
        case let other?:
            return JSONResponse.make(
                .unprocessableContent,
                [
                    "rejected": [
                        [
                            "index": 0, "field": "prediction",
                            "error": "must be a number or string, got \(other.typeName)",
                        ]
                    ]
                ])
        }
        let truth = object.removeValue(forKey: "ground_truth")
        let event: InferenceEvent
        do throws(RejectedRow) {
            event = try EventRowDecoding.inference(.object(object), index: 0, limits: limits, receivedAt: Date())
        } catch {
            return JSONResponse.make(
                .unprocessableContent, ["rejected": [["index": 0, "field": error.field, "error": error.error]]])
        }
        let label: LabelEvent?
        switch truth {
        case .number(let value)?:
            label = LabelEvent(
                modelID: event.modelID, requestID: event.requestID, timestamp: event.timestamp, truthNumber: value)
        case .string(let value)?:
            label = LabelEvent(
                modelID: event.modelID, requestID: event.requestID, timestamp: event.timestamp, truthText: value)
        case .bool(let value)?:
            label = LabelEvent(
                modelID: event.modelID, requestID: event.requestID, timestamp: event.timestamp,
                truthNumber: value ? 1 : 0)
        default:
            label = nil
        }
        do {
            _ = try await writer.insert(try await models.check([event]))
            if let label { try await writer.insert([label]) }
        } catch {
            context.logger.error("storing a prediction failed: \(error)")
            return JSONResponse.error(.serviceUnavailable, "the event could not be stored; retry")
        }
        return JSONResponse.make(.ok, ["accepted": 1, "model_id": event.modelID, "request_id": event.requestID])
    }
}
