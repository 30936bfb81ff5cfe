extension LabeledWindow {
    /// The window's labelled predictions as the inputs of a ``PerformanceReport`` for `task`.
    ///
    /// Labels are the text value, else the number (`1`); regression uses the numbers (a text
    /// that is not a number is missing). For a binary model the score is the probability of the
    /// positive class: `positive` when given, else the class spelled `1`, `true` or `yes`, else
    /// the last class by name.
    public func inputs(task: PerformanceTask, positive: String?) -> PerformanceReport.Inputs {
        let truth = pairs.map(\.truthLabel)
        let predicted = pairs.map(\.predictedLabel)
        let classes = Set(pairs.flatMap(\.probabilities.keys)).sorted()
        switch task {
        case .regression:
            return .regression(
                truth: pairs.map { $0.truthValue ?? .nan }, predicted: pairs.map { $0.predictedValue ?? .nan })
        case .binary:
            let positiveClass = positive ?? PerformanceReport.defaultPositiveClass(among: classes)
            let scores = positiveClass.map { name in pairs.map { $0.probabilities[name] ?? .nan } }
            return .binary(truth: truth, predicted: predicted, scores: classes.isEmpty ? nil : scores)
        case .multiclass:
            let probabilities = Dictionary(
                uniqueKeysWithValues: classes.map { name in (name, pairs.map { $0.probabilities[name] ?? .nan }) })
            return .multiclass(
                truth: truth, predicted: predicted, probabilities: classes.isEmpty ? nil : probabilities)
        }
    }
}

extension LabeledWindow.Pair {
    /// The true label: the text value, else the number (`1`).
    public var truthLabel: String? { truthText ?? truthNumber.map(FeatureValue.label) }
    /// The predicted label: the text value, else the number.
    public var predictedLabel: String? { predictionText ?? predictionNumber.map(FeatureValue.label) }
    /// The true value for regression: the number, else a text that is a number.
    public var truthValue: Double? { truthNumber ?? truthText.flatMap(Double.init) }
    /// The predicted value for regression: the number, else a text that is a number.
    public var predictedValue: Double? { predictionNumber ?? predictionText.flatMap(Double.init) }
}
