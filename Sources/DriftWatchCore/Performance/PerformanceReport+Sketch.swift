import DriftStats

extension PerformanceReport {
    /// Scores the labelled predictions a ``PerformanceSketch`` summarises, as
    /// ``compute(_:options:)`` scores them one by one: the same label matching, positive class
    /// and metric names. Classification skips rows without a true or predicted label,
    /// regression rows without finite numbers. For a binary task the score is the probability
    /// of `positive` when given, else of the class spelled `1`, `true` or `yes`, else of the last
    /// class by name; ROC AUC and average precision tie scores within a bin of
    /// ``ScoreTally/bins`` (see ``ScoreTally``).
    public static func compute(sketch: PerformanceSketch, task: PerformanceTask, positive: String?)
        throws(UndefinedStatistic) -> PerformanceReport
    {
        switch task {
        case .regression:
            return PerformanceReport(
                task: .regression, n: sketch.regression.count, skipped: sketch.regressionSkipped,
                metrics: try sketch.regressionMetrics())
        case .binary:
            let classes = sketch.scores.keys.sorted()
            let scoreClass =
                positive.map(canonical)
                ?? classes.first { ["1.0", "true", "yes"].contains($0.lowercased()) } ?? classes.last
            let metrics = try sketch.binaryMetrics(isPositive: positiveMatcher(positive), scoreClass: scoreClass)
            let n = sketch.labeledRows
            return PerformanceReport(task: .binary, n: n, skipped: sketch.pairs - n, metrics: metrics)
        case .multiclass:
            let metrics = try sketch.multiclassMetrics()
            let n = sketch.labeledRows
            return PerformanceReport(task: .multiclass, n: n, skipped: sketch.pairs - n, metrics: metrics)
        }
    }
}

extension LabeledWindow.Pair {
    /// The pair as a ``PerformanceSketch`` counts it: labels in their canonical spelling (the
    /// text value, else the number), numbers for regression (a text that is a number counts).
    public var labeledPrediction: LabeledPrediction {
        func label(_ text: String?, _ number: Double?) -> String? {
            (text ?? number.map(FeatureValue.label)).map(PerformanceReport.canonical)
        }
        return LabeledPrediction(
            truth: label(truthText, truthNumber), predicted: label(predictionText, predictionNumber),
            truthNumber: truthNumber ?? truthText.flatMap(Double.init),
            predictedNumber: predictionNumber ?? predictionText.flatMap(Double.init),
            probabilities: Dictionary(probabilities.map { (PerformanceReport.canonical($0.key), $0.value) }) {
                first, _ in first
            },
            delaySeconds: labelDelaySeconds)
    }
}
