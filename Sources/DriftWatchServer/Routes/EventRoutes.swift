import DriftWatchCore
import Foundation
import Hummingbird

/// `GET /v1/models/{id}/events/{request_id}` and `GET /health`.
struct EventRoutes<Context: RequestContext>: Sendable {
    let store: any EventStore
    let admission: IngestAdmission
    let writer: GroupCommitWriter

    func add(to router: Router<Context>) {
        router.get("/v1/models/:model/events/:request") { _, context in
            let model = try context.parameters.require("model")
            let requestID = try context.parameters.require("request")
            guard let stored = try await store.event(modelID: model, requestID: requestID) else {
                return JSONResponse.error(.notFound, "no event \(requestID) for model \(model)")
            }
            return JSONResponse.make(.ok, StoredEventJSON.object(stored))
        }
        router.get("/health") { _, _ in
            let ingest: [String: Any] = [
                "status": "ok",
                "pending_events": admission.pending,
                "capacity": admission.capacity,
                "commits": await writer.commits,
            ]
            do {
                async let models = store.models().count
                async let stored = store.storedPosition()
                async let profiled = store.profilePosition()
                return JSONResponse.make(
                    .ok,
                    [
                        "status": "ok",
                        "components": [
                            "store": ["status": "ok", "models": try await models], "ingest": ingest,
                            "profiles": Self.profiles(stored: try await stored, profiled: try await profiled),
                        ],
                    ])
            } catch {
                return JSONResponse.make(
                    .serviceUnavailable,
                    [
                        "status": "unavailable",
                        "components": ["store": ["status": "unavailable", "error": "\(error)"], "ingest": ingest],
                    ])
            }
        }
    }

    /// How far the profiles trail the store: `catching_up` while stored events or label
    /// changes wait for the profiler (the reads that use profiles do not count them yet).
    static func profiles(stored: ProfilePosition, profiled: ProfilePosition) -> [String: Any] {
        let events = Int(max(0, stored.events - profiled.events))
        let labels = Int(max(0, stored.labels - profiled.labels))
        return [
            "status": events == 0 && labels == 0 ? "ok" : "catching_up",
            "events_behind": events,
            "label_changes_behind": labels,
        ]
    }
}

/// The JSON form of a stored event, with the field names of the ingest API.
enum StoredEventJSON {
    static func object(_ stored: StoredEvent) -> [String: Any] {
        let event = stored.inference
        var object: [String: Any] = [
            "model_id": event.modelID,
            "request_id": event.requestID,
            "ts": Timestamps.format(event.timestamp),
            "features": event.features.mapValues { value -> Any in
                switch value {
                case .number(let number): number
                case .text(let text): text
                case .missing: NSNull()
                }
            },
            "segments": event.segments,
            "y_proba": event.probabilities,
        ]
        object["model_version"] = event.modelVersion
        object["y_pred_num"] = event.predictionNumber
        object["y_pred_text"] = event.predictionText
        object["latency_ms"] = event.latencyMilliseconds
        object["error"] = event.error
        if let label = stored.label {
            var labelObject: [String: Any] = ["ts": Timestamps.format(label.timestamp)]
            labelObject["y_true_num"] = label.truthNumber
            labelObject["y_true_text"] = label.truthText
            object["label"] = labelObject
        } else {
            object["label"] = NSNull()
        }
        return object
    }
}
