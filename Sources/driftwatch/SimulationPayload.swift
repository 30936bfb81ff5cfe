import DriftWatchCore
import Foundation

/// Simulated events as the ingest API reads them: NDJSON lines with the API's field names and
/// `ts` in Unix seconds.
enum SimulationPayload {
    /// One line per inference.
    static func ndjson(_ events: [InferenceEvent]) -> Data {
        var writer = JSONWriter()
        for event in events {
            var object: [String: JSONValue] = [
                "model_id": .string(event.modelID),
                "request_id": .string(event.requestID),
                "ts": .number(event.timestamp.timeIntervalSince1970),
                "features": .object(
                    event.features.mapValues { value in
                        switch value {
                        case .number(let number): .number(number)
                        case .text(let text): .string(text)
                        case .missing: .null
                        }
                    }),
                "segments": .object(event.segments.mapValues { .string($0) }),
            ]
            if let version = event.modelVersion { object["model_version"] = .string(version) }
            if let number = event.predictionNumber { object["y_pred_num"] = .number(number) }
            if let text = event.predictionText { object["y_pred_text"] = .string(text) }
            if !event.probabilities.isEmpty {
                object["y_proba"] = .object(event.probabilities.mapValues { .number($0) })
            }
            if let latency = event.latencyMilliseconds { object["latency_ms"] = .number(latency) }
            if let error = event.error { object["error"] = .string(error) }
            writer.value(.object(object))
            writer.raw("\n")
        }
        return Data(writer.bytes)
    }

    /// One line per label.
    static func ndjson(_ labels: [LabelEvent]) -> Data {
        var writer = JSONWriter()
        for label in labels {
            var object: [String: JSONValue] = [
                "model_id": .string(label.modelID),
                "request_id": .string(label.requestID),
                "ts": .number(label.timestamp.timeIntervalSince1970),
            ]
            if let number = label.truthNumber { object["y_true_num"] = .number(number) }
            if let text = label.truthText { object["y_true_text"] = .string(text) }
            writer.value(.object(object))
            writer.raw("\n")
        }
        return Data(writer.bytes)
    }
}
