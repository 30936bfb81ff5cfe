import DriftWatchCore
import Foundation

/// Turns one JSON row into an event, or says which field is wrong.
enum EventRowDecoding {
    /// `featuresText` is the received text of the row's `features`, when the caller has it.
    static func inference(
        _ row: JSONValue, index: Int, limits: IngestLimits, receivedAt: Date, featuresText: String? = nil
    ) throws(RejectedRow) -> InferenceEvent {
        let fields = try EventFields(row, index: index, limits: limits)
        let features = try fields.features("features")
        return InferenceEvent(
            modelID: try fields.requiredString("model_id"),
            modelVersion: try fields.string("model_version"),
            requestID: try fields.string("request_id") ?? UUID().uuidString.lowercased(),
            timestamp: try fields.timestamp("ts", receivedAt: receivedAt),
            predictionNumber: try fields.number("y_pred_num"),
            predictionText: try fields.string("y_pred_text"),
            probabilities: try fields.probabilities("y_proba"),
            latencyMilliseconds: try nonNegative(fields, "latency_ms"),
            features: features.values,
            segments: try fields.stringMap("segments"),
            error: try fields.string("error"),
            featuresJSON: features.verbatim ? featuresText : nil)
    }

    static func label(_ row: JSONValue, index: Int, limits: IngestLimits, receivedAt: Date)
        throws(RejectedRow) -> LabelEvent
    {
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
        return label
    }

    private static func nonNegative(_ fields: EventFields, _ field: String) throws(RejectedRow) -> Double? {
        guard let value = try fields.number(field) else { return nil }
        guard value >= 0 else { throw fields.reject(field, "must be ≥ 0") }
        return value
    }
}
