import Foundation

/// One prediction a model made, as a service logs it (`POST /v1/inferences`).
///
/// Identified by (`modelID`, `requestID`); re-sending the same pair never stores a second
/// event. Feature values that are NaN or ±∞ are stored as missing (`nil`).
public struct InferenceEvent: Sendable, Hashable {
    /// The model that made the prediction.
    public var modelID: String
    /// The model version, when the service reports one.
    public var modelVersion: String?
    /// The caller's id of the request; the label for it arrives later under the same id.
    public var requestID: String
    /// When the prediction was made.
    public var timestamp: Date
    /// A numeric prediction (regression output, or a class encoded as a number).
    public var predictionNumber: Double?
    /// A categorical prediction (class label).
    public var predictionText: String?
    /// Class probabilities, class → probability.
    public var probabilities: [String: Double]
    /// How long the prediction took, in milliseconds.
    public var latencyMilliseconds: Double?
    /// Input features by name.
    public var features: [String: FeatureValue]
    /// Segment tags by name (region, customer tier, …).
    public var segments: [String: String]
    /// An error message when the prediction failed.
    public var error: String?
    /// How the event departs from its model's schema; set at ingestion, stored with the event.
    public var schemaViolations: [SchemaViolation]
    /// `features` as JSON text, when ingestion received it in a form that can be stored as is
    /// (every value a finite number, a category or null); storage adapters use it instead of
    /// encoding `features` again. Nil otherwise. It must describe exactly `features`.
    public var featuresJSON: String?

    /// Creates an event.
    public init(
        modelID: String, modelVersion: String? = nil, requestID: String, timestamp: Date,
        predictionNumber: Double? = nil, predictionText: String? = nil, probabilities: [String: Double] = [:],
        latencyMilliseconds: Double? = nil, features: [String: FeatureValue] = [:], segments: [String: String] = [:],
        error: String? = nil, schemaViolations: [SchemaViolation] = [], featuresJSON: String? = nil
    ) {
        self.modelID = modelID
        self.modelVersion = modelVersion
        self.requestID = requestID
        self.timestamp = timestamp
        self.predictionNumber = predictionNumber
        self.predictionText = predictionText
        self.probabilities = probabilities
        self.latencyMilliseconds = latencyMilliseconds
        self.features = features
        self.segments = segments
        self.error = error
        self.schemaViolations = schemaViolations
        self.featuresJSON = featuresJSON
    }
}

/// A feature's value: a number, a category, or missing.
public enum FeatureValue: Sendable, Hashable {
    case number(Double)
    case text(String)
    case missing
}
