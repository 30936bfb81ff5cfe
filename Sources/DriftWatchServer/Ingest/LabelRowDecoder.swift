import DriftWatchCore
import Foundation

/// Decodes a label row straight from its bytes into a ``LabelEvent``, as
/// ``InferenceRowDecoder`` does for inferences (see there why by hand): nil for anything
/// ``EventRowDecoding/label(_:index:limits:receivedAt:)`` would refuse or this path does not
/// handle, and the caller decodes the row through the tree.
struct LabelRowDecoder {
    let limits: IngestLimits
    let receivedAt: Date

    /// The label in `row`, or nil when the tree path must decide.
    func decode(_ row: UnsafeBufferPointer<UInt8>) -> LabelEvent? {
        guard limits.maxDepth >= 1 else { return nil }
        do {
            return try read(row)
        } catch {
            return nil
        }
    }

    private enum Member: Int {
        case modelID, requestID, ts, truthNumber, truthText

        init?(_ key: UnsafeBufferPointer<UInt8>) {
            typealias F = TypedRowFields
            if F.matches(key, "model_id") {
                self = .modelID
            } else if F.matches(key, "request_id") {
                self = .requestID
            } else if F.matches(key, "ts") {
                self = .ts
            } else if F.matches(key, "y_true_num") {
                self = .truthNumber
            } else if F.matches(key, "y_true_text") {
                self = .truthText
            } else {
                return nil
            }
        }
    }

    private func read(_ row: UnsafeBufferPointer<UInt8>) throws -> LabelEvent {
        typealias F = TypedRowFields
        var scanner = JSONScanner(bytes: row, maxDepth: limits.maxDepth)
        var modelID: JSONValue?
        var requestID: JSONValue?
        var timestamp = receivedAt
        var truthNumber: Double?
        var truthText: String?
        try F.readRow(&scanner, member: Member.init) { member, scanner in
            switch member {
            case .modelID: modelID = try F.scalar(&scanner, depth: 1)
            case .requestID: requestID = try F.scalar(&scanner, depth: 1)
            case .ts: timestamp = try F.timestamp(F.scalar(&scanner, depth: 1), receivedAt: receivedAt)
            case .truthNumber: truthNumber = try F.number(F.scalar(&scanner, depth: 1))
            case .truthText: truthText = try F.text(F.scalar(&scanner, depth: 1), id: false, limits: limits)
            }
        }
        guard truthNumber != nil || truthText != nil else { throw F.Unusual() }
        return LabelEvent(
            modelID: try F.requiredText(modelID, limits: limits),
            requestID: try F.requiredText(requestID, limits: limits), timestamp: timestamp,
            truthNumber: truthNumber, truthText: truthText)
    }
}
