extension LabeledWindow {
    /// The window's labelled predictions as the inputs of a ``PerformanceReport`` for `task`.
    ///
    /// Labels are the text value, else the number (`1`); regression uses the numbers (a text
    /// that is not a number is missing). For a binary model the score is the probability of the
    /// positive class: `positive` when given, else the class spelled `1`, `true` or `yes`, else
    /// the last class by name.
    public func inputs(task: PerformanceTask, positive: String?) -> PerformanceReport.Inputs {
        func label(_ text: String?, _ number: Double?) -> String? { text ?? number.map(FeatureValue.label) }
        func number(_ number: Double?, _ text: String?) -> Double { number ?? text.flatMap(Double.init) ?? .nan }
        let truth = pairs.map { label($0.truthText, $0.truthNumber) }
        let predicted = pairs.map { label($0.predictionText, $0.predictionNumber) }
        let classes = Set(pairs.flatMap(\.probabilities.keys)).sorted()
        switch task {
        case .regression:
            return .regression(
                truth: pairs.map { number($0.truthNumber, $0.truthText) },
                predicted: pairs.map { number($0.predictionNumber, $0.predictionText) })
        case .binary:
            let positiveClass =
                positive ?? classes.first { ["1", "1.0", "true", "yes"].contains($0.lowercased()) } ?? classes.last
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
