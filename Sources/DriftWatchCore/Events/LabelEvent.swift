import Foundation

/// The ground truth for an earlier prediction (`POST /v1/labels`), joined by (`modelID`, `requestID`).
///
/// A label may arrive before its inference; it is kept and joined when the inference comes.
public struct LabelEvent: Sendable, Hashable {
    /// The model whose prediction is labelled.
    public var modelID: String
    /// The request id of the prediction.
    public var requestID: String
    /// When the label was observed.
    public var timestamp: Date
    /// A numeric truth (regression target or a class encoded as a number).
    public var truthNumber: Double?
    /// A categorical truth (class label).
    public var truthText: String?

    /// Creates a label.
    public init(
        modelID: String, requestID: String, timestamp: Date, truthNumber: Double? = nil, truthText: String? = nil
    ) {
        self.modelID = modelID
        self.requestID = requestID
        self.timestamp = timestamp
        self.truthNumber = truthNumber
        self.truthText = truthText
    }
}
