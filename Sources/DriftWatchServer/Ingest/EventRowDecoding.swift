import DriftWatchCore
import Foundation

/// Turns JSON rows into events, keeping the good rows and reporting the bad ones.
enum EventRowDecoding {
    static func inferences(_ rows: [JSONValue], limits: IngestLimits, receivedAt: Date)
        -> (events: [(index: Int, event: InferenceEvent)], rejected: [RejectedRow])
    {
        var events: [(Int, InferenceEvent)] = []
        var rejected: [RejectedRow] = []
        for (index, row) in rows.enumerated() {
            do throws(RejectedRow) {
                let fields = try EventFields(row, index: index, limits: limits)
                let event = InferenceEvent(
                    modelID: try fields.requiredString("model_id"),
                    modelVersion: try fields.string("model_version"),
                    requestID: try fields.string("request_id") ?? UUID().uuidString.lowercased(),
                    timestamp: try fields.timestamp("ts", receivedAt: receivedAt),
                    predictionNumber: try fields.number("y_pred_num"),
                    predictionText: try fields.string("y_pred_text"),
                    probabilities: try fields.probabilities("y_proba"),
                    latencyMilliseconds: try nonNegative(fields, "latency_ms"),
                    features: try fields.features("features"),
                    segments: try fields.stringMap("segments"),
                    error: try fields.string("error"))
                events.append((index, event))
            } catch {
                rejected.append(error)
            }
        }
        return (events, rejected)
    }

    static func labels(_ rows: [JSONValue], limits: IngestLimits, receivedAt: Date)
        -> (labels: [(index: Int, label: LabelEvent)], rejected: [RejectedRow])
    {
        var labels: [(Int, LabelEvent)] = []
        var rejected: [RejectedRow] = []
        for (index, row) in rows.enumerated() {
            do throws(RejectedRow) {
                let fields = try EventFields(row, index: index, limits: limits)
                let label = LabelEvent(
                    modelID: try fields.requiredString("model_id"),
                    requestID: try fields.requiredString("request_id"),
                    timestamp: try fields.timestamp("ts", receivedAt: receivedAt),
                    truthNumber: try fields.number("y_true_num"),
                    truthText: try fields.string("y_true_text"))
                guard label.truthNumber != nil || label.truthText != nil else {
                    throw fields.reject("y_true_num", "a label needs y_true_num or y_true_text")
                }
                labels.append((index, label))
            } catch {
                rejected.append(error)
            }
        }
        return (labels, rejected)
    }

    private static func nonNegative(_ fields: EventFields, _ field: String) throws(RejectedRow) -> Double? {
        guard let value = try fields.number(field) else { return nil }
        guard value >= 0 else { throw fields.reject(field, "must be ≥ 0") }
        return value
    }
}
