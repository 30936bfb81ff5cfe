import Foundation

/// Performance of a multiclass classifier against known labels, as scikit-learn 1.9 computes it.
///
/// Per label c of the sorted union of true and predicted labels, precision_c = TP_c/(TP_c +
/// FP_c), recall_c = TP_c/(TP_c + FN_c) and F1_c = 2TP_c/(2TP_c + FP_c + FN_c), 0/0 being 0
/// (`precision_recall_fscore_support`, `zero_division="warn"`). `_macro` is their plain mean,
/// `_weighted` their mean weighted by support, `_micro` the same ratios of the summed counts
/// (which all equal accuracy for single-label data).
///
/// From per-class probabilities (`probabilities[c]` for each class c):
/// - `roc_auc`: one-vs-rest ROC AUC of each class, averaged without weights
///   (`roc_auc_score(multi_class="ovr", average="macro", labels=classes)`); undefined unless
///   every row sums to 1 (`numpy.allclose`), every label has a column and every class occurs
///   in the labels;
/// - `pr_auc`: one-vs-rest average precision, averaged without weights
///   (`average_precision_score(average="macro")`); undefined unless the labels hold exactly
///   the classes;
/// - `log_loss` = −mean ln(clip(p_{i,yᵢ}, ε, 1 − ε)) (`log_loss(labels=classes)`); undefined
///   for probabilities outside [0, 1] or labels without a column.
///
/// scikit-learn treats two columns as a binary problem; here two classes are still averaged
/// one-vs-rest (both classes give the same ROC AUC). Checked against scikit-learn to 1e−9 on
/// `Tests/DriftStatsTests/Fixtures/performance.json` (observed: within 1e−14).
public struct MulticlassClassificationMetrics<Label: Hashable & Comparable & Sendable>: Sendable, Hashable,
    NamedMetrics
{
    /// True against predicted labels over their sorted union.
    public var confusionMatrix: ConfusionMatrix<Label>
    /// The fraction of correct predictions.
    public var accuracy: Result<Double, UndefinedStatistic>
    /// Precision per label, averaged without weights.
    public var precisionMacro: Result<Double, UndefinedStatistic>
    /// Precision of the summed counts.
    public var precisionMicro: Result<Double, UndefinedStatistic>
    /// Precision per label, averaged weighted by support.
    public var precisionWeighted: Result<Double, UndefinedStatistic>
    /// Recall per label, averaged without weights.
    public var recallMacro: Result<Double, UndefinedStatistic>
    /// Recall of the summed counts.
    public var recallMicro: Result<Double, UndefinedStatistic>
    /// Recall per label, averaged weighted by support.
    public var recallWeighted: Result<Double, UndefinedStatistic>
    /// F1 per label, averaged without weights.
    public var f1Macro: Result<Double, UndefinedStatistic>
    /// F1 of the summed counts.
    public var f1Micro: Result<Double, UndefinedStatistic>
    /// F1 per label, averaged weighted by support.
    public var f1Weighted: Result<Double, UndefinedStatistic>
    /// One-vs-rest ROC AUC, macro-averaged.
    public var rocAUC: Result<Double, UndefinedStatistic>
    /// One-vs-rest average precision, macro-averaged.
    public var prAUC: Result<Double, UndefinedStatistic>
    /// The mean negative log-likelihood of the true labels.
    public var logLoss: Result<Double, UndefinedStatistic>

    /// The metrics under the names `accuracy, precision_macro, precision_micro,
    /// precision_weighted, recall_…, f1_…, roc_auc, pr_auc, log_loss`.
    public var results: [(name: String, result: Result<Double, UndefinedStatistic>)] {
        [
            ("accuracy", accuracy),
            ("precision_macro", precisionMacro), ("precision_micro", precisionMicro),
            ("precision_weighted", precisionWeighted),
            ("recall_macro", recallMacro), ("recall_micro", recallMicro), ("recall_weighted", recallWeighted),
            ("f1_macro", f1Macro), ("f1_micro", f1Micro), ("f1_weighted", f1Weighted),
            ("roc_auc", rocAUC), ("pr_auc", prAUC), ("log_loss", logLoss),
        ]
    }

    /// Computes every metric; `probabilities` maps each class to its column of probabilities.
    ///
    /// Throws when the label arrays are empty or differ in length.
    @inlinable
    public static func compute(
        truth: [Label], predicted: [Label], probabilities: [Label: [Double]]? = nil
    ) throws(UndefinedStatistic) -> MulticlassClassificationMetrics {
        guard truth.count == predicted.count else {
            throw UndefinedStatistic("\(truth.count) labels but \(predicted.count) predictions")
        }
        guard !truth.isEmpty else { throw UndefinedStatistic("no predictions") }
        let encoded = ConfusionMatrix.encode(truth: truth, predicted: predicted)
        let classes = probabilities.map { $0.keys.sorted() }
        return MulticlassClassificationMetrics(
            labels: encoded.labels, truth: encoded.truth, predicted: encoded.predicted, classes: classes,
            columns: classes.map { $0.map { probabilities![$0]! } })
    }

    /// Computes every metric from labels encoded as positions in `labels`, and probability
    /// `columns` for the sorted `classes`.
    @usableFromInline
    init(labels: [Label], truth: [Int], predicted: [Int], classes: [Label]?, columns: [[Double]]?) {
        self.init(matrix: ConfusionMatrix(labels: labels, truth: truth, predicted: predicted))
        if let classes, let columns {
            probabilityMetrics(labels: labels, truth: truth, classes: classes, columns: columns)
        }
    }

    /// The label metrics of a confusion matrix with at least one sample; the probability
    /// metrics are left undefined.
    init(matrix: ConfusionMatrix<Label>) {
        let tp = matrix.truePositives
        let support = matrix.support
        let predictedCounts = matrix.predictedCounts
        let precisions = tp.indices.map { Self.ratio(tp[$0], predictedCounts[$0]) }
        let recalls = tp.indices.map { Self.ratio(tp[$0], support[$0]) }
        let f1s = tp.indices.map { Self.ratio(2 * tp[$0], support[$0] + predictedCounts[$0]) }
        let correct = tp.reduce(0, +)
        let n = matrix.total
        confusionMatrix = matrix
        accuracy = .success(Double(correct) / Double(n))
        precisionMacro = .success(Self.mean(precisions))
        precisionMicro = .success(Self.ratio(correct, n))
        precisionWeighted = .success(Self.mean(precisions, weights: support))
        recallMacro = .success(Self.mean(recalls))
        recallMicro = .success(Self.ratio(correct, n))
        recallWeighted = .success(Self.mean(recalls, weights: support))
        f1Macro = .success(Self.mean(f1s))
        f1Micro = .success(Self.ratio(2 * correct, 2 * n))
        f1Weighted = .success(Self.mean(f1s, weights: support))
        let noProbabilities = Result<Double, UndefinedStatistic>.failure(UndefinedStatistic("no probabilities"))
        (rocAUC, prAUC, logLoss) = (noProbabilities, noProbabilities, noProbabilities)
    }

    private static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }

    private static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }

    private static func mean(_ values: [Double], weights: [Int]) -> Double {
        var sum = 0.0
        for (value, weight) in zip(values, weights) { sum += value * Double(weight) }
        return sum / Double(weights.reduce(0, +))
    }

    private mutating func probabilityMetrics(labels: [Label], truth: [Int], classes: [Label], columns: [[Double]]) {
        let problem: UndefinedStatistic?
        if let short = columns.indices.first(where: { columns[$0].count != truth.count }) {
            problem = UndefinedStatistic(
                "\(columns[short].count) probabilities of \(classes[short]) for \(truth.count) labels")
        } else if !columns.allSatisfy({ $0.allSatisfy { $0.isFinite } }) {
            problem = UndefinedStatistic("the probabilities contain NaN or infinity")
        } else {
            problem = nil
        }
        if let problem {
            (rocAUC, prAUC, logLoss) = (.failure(problem), .failure(problem), .failure(problem))
            return
        }
        // Both label lists are sorted: a merge maps each label to its column, if it has one.
        var columnOfLabel = [Int?](repeating: nil, count: labels.count)
        var c = 0
        for (l, label) in labels.enumerated() {
            while c < classes.count && classes[c] < label { c += 1 }
            if c < classes.count && classes[c] == label { columnOfLabel[l] = c }
        }
        var present = [Bool](repeating: false, count: labels.count)
        for l in truth { present[l] = true }
        if let l = labels.indices.first(where: { present[$0] && columnOfLabel[$0] == nil }) {
            let unknown = UndefinedStatistic("label \(labels[l]) has no probability column")
            (rocAUC, prAUC, logLoss) = (.failure(unknown), .failure(unknown), .failure(unknown))
            return
        }
        let columnOfRow = truth.map { columnOfLabel[$0]! }
        var occurs = [Bool](repeating: false, count: classes.count)
        for column in columnOfRow { occurs[column] = true }
        let absent = classes.indices.first { !occurs[$0] }.map { classes[$0] }
        let oneVsRest = columns.indices.map { c in
            RankedScores(scores: columns[c], isPositive: columnOfRow.map { $0 == c })
        }
        rocAUC = Self.oneVsRestROCAUC(oneVsRest, columns: columns, classes: classes, absent: absent)
        if let absent {
            prAUC = .failure(UndefinedStatistic("class \(absent) does not occur in the labels"))
        } else {
            prAUC = .success(Self.mean(oneVsRest.map { $0.averagePrecision }))
        }
        logLoss = Self.logLoss(columnOfRow: columnOfRow, columns: columns)
    }

    private static func oneVsRestROCAUC(
        _ oneVsRest: [RankedScores], columns: [[Double]], classes: [Label], absent: Label?
    ) -> Result<Double, UndefinedStatistic> {
        var sums = [Double](repeating: 0, count: columns[0].count)
        for column in columns {
            for row in sums.indices { sums[row] += column[row] }
        }
        // numpy.allclose(1, sum): |1 − sum| ≤ 1e−8 + 1e−5·|sum|.
        if let row = sums.indices.first(where: { abs(1 - sums[$0]) > 1e-8 + 1e-5 * abs(sums[$0]) }) {
            return .failure(UndefinedStatistic("row \(row) of the probabilities sums to \(sums[row]), not 1"))
        }
        if let absent { return .failure(UndefinedStatistic("class \(absent) does not occur in the labels")) }
        var areas: [Double] = []
        for (c, ranked) in oneVsRest.enumerated() {
            guard let area = ranked.rocAUC else { return .failure(UndefinedStatistic("every label is \(classes[c])")) }
            areas.append(area)
        }
        return .success(mean(areas))
    }

    private static func logLoss(columnOfRow: [Int], columns: [[Double]]) -> Result<Double, UndefinedStatistic> {
        guard columns.count >= 2 else { return .failure(UndefinedStatistic("log loss needs two classes or more")) }
        guard columns.allSatisfy({ $0.allSatisfy { $0 >= 0 && $0 <= 1 } }) else {
            return .failure(UndefinedStatistic("probabilities outside [0, 1]"))
        }
        let epsilon = Double.ulpOfOne
        var sum = 0.0
        for (row, c) in columnOfRow.enumerated() { sum -= log(min(max(columns[c][row], epsilon), 1 - epsilon)) }
        return .success(sum / Double(columnOfRow.count))
    }
}
