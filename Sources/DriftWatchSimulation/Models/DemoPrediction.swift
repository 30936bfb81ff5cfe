/// What a demo model predicts for one row of features.
public struct DemoPrediction: Sendable, Hashable {
    /// The prediction as a number: the class (0 or 1) of a classifier, the value of a regressor.
    public var number: Double
    /// The predicted class as text ("0" or "1"); nil for a regressor.
    public var text: String?
    /// Class → probability for a classifier; empty for a regressor.
    public var probabilities: [String: Double]

    /// A prediction.
    public init(number: Double, text: String?, probabilities: [String: Double]) {
        self.number = number
        self.text = text
        self.probabilities = probabilities
    }
}
