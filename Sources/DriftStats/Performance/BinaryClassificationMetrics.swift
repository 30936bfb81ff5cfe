import Foundation

/// Performance of a binary classifier against known labels, as scikit-learn 1.9 computes it.
///
/// With TP, FP, FN, TN the confusion counts of the positive class:
/// - `accuracy` = (TP + TN)/N (`accuracy_score`);
/// - `precision` = TP/(TP + FP), `recall` = TP/(TP + FN), `f1` = 2TP/(2TP + FP + FN)
///   (`precision_recall_fscore_support(average="binary")`); 0/0 is 0, scikit-learn's default
///   `zero_division="warn"`;
/// - `roc_auc`: the trapezoidal area under the ROC curve over distinct thresholds
///   (`roc_auc_score`), undefined when the labels hold one class;
/// - `pr_auc`: average precision Σₖ (Rₖ − Rₖ₋₁)·Pₖ (`average_precision_score`, a step
///   function, not the trapezoidal area), 0 without positives as scikit-learn sets it;
/// - `log_loss` = −mean(y·ln p + (1 − y)·ln(1 − p)) with p and 1 − p clipped to
///   [ε, 1 − ε], ε = 2.22e−16 (`log_loss(y, p, labels=[0, 1])`: the classes are named, so
///   labels of one class are defined);
/// - `brier` = mean((y − p)²) (`brier_score_loss`, which halves the two-column sum);
/// - `ece`: expected calibration error Σ_b (n_b/N)·|y̅_b − p̅_b| over the non-empty of B
///   equal-width bins (default 10) of the positive-class probability p, y̅_b being the
///   fraction of positives and p̅_b the mean p in bin b (Naeini, Cooper & Hauskrecht 2015,
///   on p rather than on the top-label confidence). The bins are those of
///   `sklearn.calibration.calibration_curve(strategy="uniform")`: [0, e₁], (e₁, e₂], …,
///   (e_{B−1}, 1] with eᵢ = i·(1/B), so a probability on an inner edge counts in the lower
///   bin.
///
/// The score-based metrics need `scores`; ROC AUC and average precision accept any finite
/// scores (probabilities or decision values), the other three only probabilities in [0, 1],
/// where scikit-learn raises otherwise. Checked against scikit-learn to 1e−9 on
/// `Tests/DriftStatsTests/Fixtures/performance.json` (observed: within 1e−14). Sorting for ROC AUC and average
/// precision is an O(n) radix sort of each class's scores; everything else is one pass.
public struct BinaryClassificationMetrics: Sendable, Hashable, NamedMetrics {
    /// Positives predicted positive.
    public var truePositives: Int
    /// Negatives predicted positive.
    public var falsePositives: Int
    /// Positives predicted negative.
    public var falseNegatives: Int
    /// Negatives predicted negative.
    public var trueNegatives: Int
    /// The fraction of correct predictions.
    public var accuracy: Result<Double, UndefinedStatistic>
    /// TP/(TP + FP), 0 when nothing is predicted positive.
    public var precision: Result<Double, UndefinedStatistic>
    /// TP/(TP + FN), 0 when there are no positives.
    public var recall: Result<Double, UndefinedStatistic>
    /// The harmonic mean of precision and recall, 2TP/(2TP + FP + FN), 0 when that is 0/0.
    public var f1: Result<Double, UndefinedStatistic>
    /// The area under the ROC curve.
    public var rocAUC: Result<Double, UndefinedStatistic>
    /// Average precision (the area under the precision–recall step function).
    public var prAUC: Result<Double, UndefinedStatistic>
    /// The mean negative log-likelihood of the labels under the clipped probabilities.
    public var logLoss: Result<Double, UndefinedStatistic>
    /// The mean squared difference between probability and outcome.
    public var brier: Result<Double, UndefinedStatistic>
    /// The expected calibration error.
    public var ece: Result<Double, UndefinedStatistic>

    /// The confusion matrix in scikit-learn's layout for labels [negative, positive]:
    /// [[TN, FP], [FN, TP]].
    public var confusionMatrix: [[Int]] { [[trueNegatives, falsePositives], [falseNegatives, truePositives]] }

    /// The metrics under the names `accuracy, precision, recall, f1, roc_auc, pr_auc,
    /// log_loss, brier, ece`.
    public var results: [(name: String, result: Result<Double, UndefinedStatistic>)] {
        [
            ("accuracy", accuracy), ("precision", precision), ("recall", recall), ("f1", f1),
            ("roc_auc", rocAUC), ("pr_auc", prAUC), ("log_loss", logLoss), ("brier", brier), ("ece", ece),
        ]
    }

    /// Computes every metric; `true` is the positive class and `scores` are the positive
    /// class's probabilities or decision values.
    ///
    /// Throws when the label arrays are empty or differ in length; a metric the data cannot
    /// define (missing scores, one class for ROC AUC, scores outside [0, 1]) is undefined.
    public static func compute(
        truth: [Bool], predicted: [Bool], scores: [Double]? = nil, calibrationBins: Int = 10
    ) throws(UndefinedStatistic) -> BinaryClassificationMetrics {
        guard truth.count == predicted.count else {
            throw UndefinedStatistic("\(truth.count) labels but \(predicted.count) predictions")
        }
        guard !truth.isEmpty else { throw UndefinedStatistic("no predictions") }
        var tp = 0
        var fp = 0
        var fn = 0
        for (t, p) in zip(truth, predicted) {
            if p {
                if t { tp += 1 } else { fp += 1 }
            } else if t {
                fn += 1
            }
        }
        let tn = truth.count - tp - fp - fn
        let noScores = Result<Double, UndefinedStatistic>.failure(UndefinedStatistic("no scores"))
        var metrics = BinaryClassificationMetrics(
            truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn,
            accuracy: .success(Double(tp + tn) / Double(truth.count)),
            precision: .success(ratio(tp, tp + fp)), recall: .success(ratio(tp, tp + fn)),
            f1: .success(ratio(2 * tp, 2 * tp + fp + fn)),
            rocAUC: noScores, prAUC: noScores, logLoss: noScores, brier: noScores, ece: noScores)
        if let scores { metrics.scoreMetrics(truth: truth, scores: scores, bins: calibrationBins) }
        return metrics
    }

    /// Computes every metric for labels of any type, `positive` being the positive class.
    ///
    /// Every label other than `positive` counts as negative (scikit-learn raises for more than
    /// two labels with `average="binary"`).
    @inlinable
    public static func compute<Label: Equatable>(
        truth: [Label], predicted: [Label], scores: [Double]? = nil, positive: Label, calibrationBins: Int = 10
    ) throws(UndefinedStatistic) -> BinaryClassificationMetrics {
        try compute(
            truth: truth.map { $0 == positive }, predicted: predicted.map { $0 == positive }, scores: scores,
            calibrationBins: calibrationBins)
    }

    private static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }

    private mutating func scoreMetrics(truth: [Bool], scores: [Double], bins: Int) {
        let problem: UndefinedStatistic?
        if scores.count != truth.count {
            problem = UndefinedStatistic("\(scores.count) scores for \(truth.count) labels")
        } else if !scores.allSatisfy({ $0.isFinite }) {
            problem = UndefinedStatistic("the scores contain NaN or infinity")
        } else {
            problem = nil
        }
        if let problem {
            (rocAUC, prAUC, logLoss, brier, ece) = (
                .failure(problem), .failure(problem), .failure(problem),
                .failure(problem), .failure(problem)
            )
            return
        }
        let ranked = RankedScores(scores: scores, isPositive: truth)
        rocAUC = ranked.rocAUC.map { .success($0) } ?? .failure(UndefinedStatistic("the labels hold one class"))
        prAUC = .success(ranked.averagePrecision)
        guard scores.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            let outside = UndefinedStatistic("scores outside [0, 1] are not probabilities")
            (logLoss, brier, ece) = (.failure(outside), .failure(outside), .failure(outside))
            return
        }
        let epsilon = Double.ulpOfOne
        var logSum = 0.0
        var squareSum = 0.0
        for (isPositive, p) in zip(truth, scores) {
            // scikit-learn forms 1 − p before clipping, so a negative is scored on clip(1 − p).
            let likelihood = isPositive ? p : 1 - p
            logSum -= log(min(max(likelihood, epsilon), 1 - epsilon))
            let outcome: Double = isPositive ? 1 : 0
            squareSum += (outcome - p) * (outcome - p)
        }
        let n = Double(scores.count)
        logLoss = .success(logSum / n)
        brier = .success(squareSum / n)
        ece =
            bins > 0
            ? .success(ExpectedCalibrationError.compute(truth: truth, probabilities: scores, bins: bins))
            : .failure(UndefinedStatistic("the calibration error needs at least one bin"))
    }
}
