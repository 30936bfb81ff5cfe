extension PerformanceSketch {
    /// Rows the classification metrics count: those with a true and a predicted label.
    public var labeledRows: Int { confusion.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    /// Binary metrics: labels for which `isPositive` holds are the positive class, and the
    /// score is the probability of `scoreClass` (no score metrics when nil or never given).
    public func binaryMetrics(isPositive: (String) -> Bool, scoreClass: String?) throws(UndefinedStatistic)
        -> BinaryClassificationMetrics
    {
        guard !tooManyLabels else { throw UndefinedStatistic("more than \(Self.maxLabels) distinct labels") }
        var (tp, fp, fn, n) = (0, 0, 0, 0)
        for (truth, row) in confusion {
            let positive = isPositive(truth)
            for (predicted, count) in row {
                n += count
                if isPositive(predicted) {
                    if positive { tp += count } else { fp += count }
                } else if positive {
                    fn += count
                }
            }
        }
        guard n > 0 else { throw UndefinedStatistic("no predictions") }
        let tn = n - tp - fp - fn
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        let noScores = Result<Double, UndefinedStatistic>.failure(UndefinedStatistic("no scores"))
        var metrics = BinaryClassificationMetrics(
            truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn,
            accuracy: .success(Double(tp + tn) / Double(n)), precision: .success(ratio(tp, tp + fp)),
            recall: .success(ratio(tp, tp + fn)), f1: .success(ratio(2 * tp, 2 * tp + fp + fn)),
            rocAUC: noScores, prAUC: noScores, logLoss: noScores, brier: noScores, ece: noScores)
        guard let scoreClass, let tally = scores[scoreClass] else { return metrics }
        guard tally.outside == 0 else {
            let outside = Result<Double, UndefinedStatistic>.failure(
                UndefinedStatistic("scores outside [0, 1] are not probabilities"))
            (metrics.rocAUC, metrics.prAUC, metrics.logLoss, metrics.brier, metrics.ece) = (
                outside, outside, outside, outside, outside
            )
            return metrics
        }
        metrics.rocAUC = tally.rocAUC.map { .success($0) } ?? .failure(UndefinedStatistic("the labels hold one class"))
        metrics.prAUC = tally.averagePrecision.map { .success($0) } ?? noScores
        if let scored = tally.probabilityScores {
            (metrics.logLoss, metrics.brier, metrics.ece) = (
                .success(scored.logLoss), .success(scored.brier), .success(scored.ece)
            )
        }
        return metrics
    }

    /// Multiclass metrics over the sorted union of the labels; the probability metrics when
    /// classes have probabilities.
    public func multiclassMetrics() throws(UndefinedStatistic) -> MulticlassClassificationMetrics<String> {
        guard !tooManyLabels else { throw UndefinedStatistic("more than \(Self.maxLabels) distinct labels") }
        let labels = Set(confusion.keys).union(confusion.values.flatMap(\.keys)).sorted()
        let counts = labels.map { truth in labels.map { confusion[truth]?[$0] ?? 0 } }
        guard counts.joined().reduce(0, +) > 0 else { throw UndefinedStatistic("no predictions") }
        var metrics = MulticlassClassificationMetrics(matrix: ConfusionMatrix(labels: labels, counts: counts))
        guard !scores.isEmpty else { return metrics }
        let classes = scores.keys.sorted()
        let truths = confusion.filter { !$0.value.isEmpty }.keys
        if let missing = truths.sorted().first(where: { scores[$0] == nil }) {
            let unknown = Result<Double, UndefinedStatistic>.failure(
                UndefinedStatistic("label \(missing) has no probability column"))
            (metrics.rocAUC, metrics.prAUC, metrics.logLoss) = (unknown, unknown, unknown)
            return metrics
        }
        let absent = classes.first { scores[$0]!.positives == 0 }
        let outside = classes.contains { scores[$0]!.outside > 0 }
        if unnormalizedRows > 0 {
            metrics.rocAUC = .failure(
                UndefinedStatistic("\(unnormalizedRows) rows of probabilities do not sum to 1"))
        } else if let absent {
            metrics.rocAUC = .failure(UndefinedStatistic("class \(absent) does not occur in the labels"))
        } else if outside {
            metrics.rocAUC = .failure(UndefinedStatistic("probabilities outside [0, 1]"))
        } else {
            var areas: [Double] = []
            for name in classes {
                guard let area = scores[name]!.rocAUC else {
                    metrics.rocAUC = .failure(UndefinedStatistic("every label is \(name)"))
                    break
                }
                areas.append(area)
            }
            if areas.count == classes.count { metrics.rocAUC = .success(areas.reduce(0, +) / Double(areas.count)) }
        }
        if let absent {
            metrics.prAUC = .failure(UndefinedStatistic("class \(absent) does not occur in the labels"))
        } else if outside {
            metrics.prAUC = .failure(UndefinedStatistic("probabilities outside [0, 1]"))
        } else {
            let precisions = classes.compactMap { scores[$0]!.averagePrecision }
            metrics.prAUC = .success(precisions.reduce(0, +) / Double(precisions.count))
        }
        if classes.count < 2 {
            metrics.logLoss = .failure(UndefinedStatistic("log loss needs two classes or more"))
        } else if outside {
            metrics.logLoss = .failure(UndefinedStatistic("probabilities outside [0, 1]"))
        } else if truthWithoutProbability > 0 || truthLogRows == 0 {
            metrics.logLoss = .failure(UndefinedStatistic("a label has no probability"))
        } else {
            metrics.logLoss = .success(truthLogLoss / Double(truthLogRows))
        }
        return metrics
    }

    /// Regression metrics of the rows with finite numbers.
    public func regressionMetrics() throws(UndefinedStatistic) -> RegressionMetrics {
        try regression.metrics()
    }
}
