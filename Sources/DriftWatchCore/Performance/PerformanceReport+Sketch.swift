import DriftStats

extension PerformanceReport {
    /// The class whose probability scores a binary model when no positive class is named: the
    /// one spelled `1`, `true` or `yes` (in any case or numeric spelling), else the last of the
    /// sorted `classes`.
    static func defaultPositiveClass(among classes: [String]) -> String? {
        classes.first { ["1", "1.0", "true", "yes"].contains($0.lowercased()) } ?? classes.last
    }

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
            let scoreClass = positive.map(canonical) ?? defaultPositiveClass(among: classes)
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

extension PerformanceSketch {
    /// The label delay quantiles of the sketch's labelled predictions (each within 1 %); nil
    /// when none has a known delay.
    public var labelDelay: LabeledWindow.LabelDelay? {
        guard let p50 = delays.quantile(0.5) else { return nil }
        return LabeledWindow.LabelDelay(p50: p50, p90: delays.quantile(0.9) ?? p50, max: delays.largest ?? p50)
    }
}

extension LabeledWindow.Pair {
    /// The pair as a ``PerformanceSketch`` counts it: labels in their canonical spelling (the
    /// text value, else the number), numbers for regression (a text that is a number counts).
    public var labeledPrediction: LabeledPrediction {
        LabeledPrediction(
            truth: truthLabel.map(PerformanceReport.canonical),
            predicted: predictedLabel.map(PerformanceReport.canonical), truthNumber: truthValue,
            predictedNumber: predictedValue,
            probabilities: Dictionary(probabilities.map { (PerformanceReport.canonical($0.key), $0.value) }) {
                first, _ in first
            },
            delaySeconds: labelDelaySeconds)
    }
}
