/// Estimates a binary classifier's performance on unlabelled data from its scores, as NannyML
/// 0.13.1's CBPE does (`nannyml/performance_estimation/confidence_based/`).
///
/// Fitting on a labelled reference decides whether to calibrate (``Calibration/automatic``
/// follows NannyML's `needs_calibration`, see `CalibrationCheck`), fits an
/// ``IsotonicRegression`` of the labels on the scores if so, and derives the sampling-error
/// components. Estimating on a window with predictions ŷ and calibrated probabilities p forms
/// the expected confusion matrix TP = Σ_{ŷ=1} p, FP = Σ_{ŷ=1} (1 − p), FN = Σ_{ŷ=0} p,
/// TN = Σ_{ŷ=0} (1 − p), and from it accuracy (TP + TN)/n, precision TP/(TP + FP), recall
/// TP/(TP + FN) and F1 TP/(TP + (FP + FN)/2) (0 for 0/0). ROC AUC is NannyML's
/// `estimate_roc_auc`: rows in descending order of the uncalibrated score, expected TP and FP
/// counts as cumulative sums of p and 1 − p, both rounded to 5 decimals, normalised by their
/// totals into an ROC curve whose trapezoidal area is the estimate.
///
/// Each estimate carries NannyML's sampling error (`nannyml/sampling_error/`), a standard
/// error of the mean SE = σ/√(n·f) from per-row contributions to the metric on the reference
/// (see `CBPESamplingError`; it is not the spread of the metric over reference chunks, which
/// NannyML uses only for alert thresholds), and the band value ± 3·SE clipped to [0, 1].
///
/// Agreement with NannyML on `Tests/DriftStatsTests/Fixtures/cbpe.json` (four reference/
/// analysis scenarios, calibrated and not): the calibration decision is the same, the ECEs
/// behind it, the isotonic calibrator's thresholds and predictions and every estimate,
/// sampling error and bound are bit-identical (the tests allow 1e−15 relative), because sums
/// follow numpy's pairwise order and the steps are NannyML's. The one source of possible
/// disagreement is tied reference scores, which NannyML orders with numpy's unstable sort in
/// the AUROC sampling error and the calibration check; here ties keep their order of
/// appearance.
public struct ConfidenceBasedPerformanceEstimator: Sendable {
    /// Whether to calibrate the scores on the reference.
    public enum Calibration: Sendable, Hashable {
        /// Calibrate when NannyML's check finds that isotonic calibration lowers the ECE.
        case automatic
        /// Always fit an isotonic calibrator.
        case always
        /// Use the scores as probabilities as they are.
        case never
    }

    /// The calibrator applied to scores before estimating, `nil` when scores are used as is.
    public let calibrator: IsotonicRegression?
    /// The raw and calibrated ECE that ``Calibration/automatic`` compared, when it ran the
    /// comparison (not for one class or ROC AUC above 0.999).
    public let calibrationErrors: (before: Double, after: Double)?
    private let samplingError: CBPESamplingError

    /// Fits on a labelled reference: labels, predicted labels and positive-class probabilities.
    ///
    /// `calibration` chooses whether to calibrate: NannyML's check (the default), always or
    /// never. Throws when the arrays are empty or differ in length, the scores are not probabilities,
    /// or the automatic check cannot split the reference (a class with fewer than two rows).
    public static func fit(
        truth: [Bool], predicted: [Bool], scores: [Double], calibration: Calibration = .automatic
    ) throws(UndefinedStatistic) -> ConfidenceBasedPerformanceEstimator {
        guard truth.count == predicted.count, truth.count == scores.count else {
            throw UndefinedStatistic("\(truth.count) labels, \(predicted.count) predictions and \(scores.count) scores")
        }
        guard !truth.isEmpty else { throw UndefinedStatistic("the reference is empty") }
        try checkProbabilities(scores)
        var errors: (before: Double, after: Double)?
        let calibrate: Bool
        switch calibration {
        case .always: calibrate = true
        case .never: calibrate = false
        case .automatic:
            let ranked = RankedScores(scores: scores, isPositive: truth)
            if let area = ranked.rocAUC, area <= 0.999 {
                let compared = try CalibrationCheck.calibrationErrors(truth: truth, scores: scores)
                errors = compared
                calibrate = compared.before > compared.after
            } else {
                calibrate = false
            }
        }
        let calibrator = calibrate ? try IsotonicRegression(x: scores, y: truth.map { $0 ? 1 : 0 }) : nil
        return ConfidenceBasedPerformanceEstimator(
            calibrator: calibrator, calibrationErrors: errors,
            samplingError: CBPESamplingError(truth: truth, predicted: predicted, scores: scores))
    }

    /// Estimates performance on a window of predicted labels and positive-class scores.
    public func estimate(predicted: [Bool], scores: [Double]) throws(UndefinedStatistic) -> EstimatedPerformance {
        guard predicted.count == scores.count else {
            throw UndefinedStatistic("\(predicted.count) predictions but \(scores.count) scores")
        }
        guard !predicted.isEmpty else { throw UndefinedStatistic("the window is empty") }
        try Self.checkProbabilities(scores)
        let probabilities = calibrator?.predict(scores) ?? scores
        let n = predicted.count
        // numpy sums each np.where(...) column over all rows, zeros included; one buffer
        // holds each column in turn.
        var column = [Double](repeating: 0, count: n)
        func sum(_ term: (Bool, Double) -> Double) -> Double {
            for i in 0..<n { column[i] = term(predicted[i], probabilities[i]) }
            return NumpyPairwiseSum.sum(column)
        }
        let tp = sum { $0 ? $1 : 0 }
        let fp = sum { $0 ? 1 - $1 : 0 }
        let fn = sum { $0 ? 0 : $1 }
        let tn = sum { $0 ? 0 : 1 - $1 }
        let precisionDenominator = tp + fp
        let recallDenominator = tp + fn
        let f1Denominator = tp + 0.5 * (fp + fn)
        return EstimatedPerformance(
            count: n, expectedTruePositives: tp, expectedFalsePositives: fp, expectedFalseNegatives: fn,
            expectedTrueNegatives: tn,
            accuracy: estimated(.success((tp + tn) / Double(n)), samplingError.accuracy(count: n)),
            precision: estimated(
                .success(precisionDenominator != 0 ? tp / precisionDenominator : 0), samplingError.precision(count: n)),
            recall: estimated(
                .success(recallDenominator != 0 ? tp / recallDenominator : 0), samplingError.recall(count: n)),
            f1: estimated(.success(f1Denominator != 0 ? tp / f1Denominator : 0), samplingError.f1(count: n)),
            rocAUC: estimated(rocAUC(scores: scores, buffer: &column), samplingError.rocAUC(count: n)))
    }

    private static func checkProbabilities(_ scores: [Double]) throws(UndefinedStatistic) {
        guard scores.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw UndefinedStatistic("the scores are not probabilities in [0, 1]")
        }
    }

    private func estimated(_ value: Result<Double, UndefinedStatistic>, _ samplingError: Double) -> EstimatedMetric {
        let error: Result<Double, UndefinedStatistic> =
            samplingError.isFinite
            ? .success(samplingError)
            : .failure(UndefinedStatistic("the reference leaves the sampling error undefined"))
        return EstimatedMetric(value: value, samplingError: error)
    }

    /// NannyML's `estimate_roc_auc` on the window's uncalibrated `scores`; `buffer` (n
    /// values) holds the trapezoids.
    private func rocAUC(scores: [Double], buffer terms: inout [Double]) -> Result<Double, UndefinedStatistic> {
        var ascending = scores
        RadixSort.sort(&ascending)
        // Calibration is a function of the score, so tied scores carry equal probabilities
        // and the order within a tie, which numpy's argsort leaves open, does not matter.
        let probabilities = calibrator?.predict(ascending: ascending) ?? ascending
        let n = probabilities.count
        // Expected TP and FP after the k highest scores, as NannyML rounds them.
        func curve(_ body: (_ k: Int, _ tp: Double, _ fp: Double) -> Void) {
            var cumulative = 0.0
            for k in 0..<n {
                cumulative += probabilities[n - 1 - k]
                body(k, Self.roundedToFiveDecimals(cumulative), Self.roundedToFiveDecimals(Double(k + 1) - cumulative))
            }
        }
        var (totalTP, totalFP) = (0.0, 0.0)
        curve { _, tp, fp in (totalTP, totalFP) = (tp, fp) }
        guard totalTP != 0 else { return .failure(UndefinedStatistic("the probabilities expect no positives")) }
        guard totalFP != 0 else { return .failure(UndefinedStatistic("the probabilities expect no negatives")) }
        // FP never decreases (each step adds 1 − p ≥ 0 before monotone rounding), so the
        // curve needs none of sklearn.metrics.auc's direction handling.
        var (previousTP, previousFP) = (0.0, 0.0)
        curve { k, tp, fp in
            let dx = fp / totalFP - previousFP / totalFP
            terms[k] = dx * (tp / totalTP + previousTP / totalTP) / 2
            (previousTP, previousFP) = (tp, fp)
        }
        return .success(NumpyPairwiseSum.sum(terms))
    }

    /// `numpy.round(x, 5)`: rint(x·10⁵)/10⁵.
    private static func roundedToFiveDecimals(_ x: Double) -> Double {
        (x * 100_000).rounded(.toNearestOrEven) / 100_000
    }
}
