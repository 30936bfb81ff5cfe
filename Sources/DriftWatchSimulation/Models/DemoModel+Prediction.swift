import DriftWatchCore

extension DemoModel {
    /// The fitted model's prediction for a row of features by name. Missing, unknown or
    /// malformed values are tolerated as production data requires (see ``FeatureEncoder``).
    ///
    /// ```swift
    /// let prediction = fraud.prediction(for: ["amount": .number(420), "merchant_category": .text("travel")])
    /// ```
    public func prediction(for features: [String: FeatureValue]) -> DemoPrediction {
        prediction(values: self.features.map { features[$0.name] ?? .missing })
    }

    /// The prediction for values in ``features`` order.
    func prediction(values: [FeatureValue]) -> DemoPrediction {
        let value = predictedValue(values: values)
        switch fittedModel {
        case .logistic:
            let positive = value >= 0.5
            return DemoPrediction(
                number: positive ? 1 : 0, text: positive ? "1" : "0", probabilities: ["0": 1 - value, "1": value])
        case .ridge:
            return DemoPrediction(number: value.rounded(), text: nil, probabilities: [:])
        }
    }

    /// The probability of class 1 of a classifier, the unrounded value of a regressor.
    func predictedValue(values: [FeatureValue]) -> Double {
        switch fittedModel {
        case .logistic(let model):
            Logistic.sigmoid(encoder.score(values, intercept: model.intercept, weights: model.coefficients))
        case .ridge(let model):
            encoder.score(values, intercept: model.intercept, weights: model.coefficients)
        }
    }
}
