/// NannyML's sampling error of binary CBPE estimates (`nannyml/sampling_error/binary_classification.py`,
/// NannyML 0.13.1): per-observation contributions to each metric on the labelled reference,
/// scaled to a window of n rows as a standard error of the mean.
///
/// SE = σ / √(n·f), σ the (population) standard deviation of the contributions and f the
/// fraction of rows a metric is an average over:
/// - accuracy: σ of 1[y = ŷ] over all rows, f = 1;
/// - precision: σ of the TP rows as 1 and FP rows as 0, f = share of predicted positives;
/// - recall: σ of TP as 1 and FN as 0, f = share of positive labels;
/// - F1: σ of TP as c and FP, FN as 0 with c = (TP + FP + FN)/(TP + (FP + FN)/2),
///   f = share of TP, FP and FN rows;
/// - ROC AUC (on the uncalibrated scores, labels flipped when most are positive): σ of the
///   fraction of negatives scored below each positive (its Mann–Whitney contribution),
///   f = share of positives. NannyML counts them as rank − index among the positives and
///   drops a positive at rank 0 (`np.unique(...)[1:]` removes the 0 it shares with the
///   negatives), as this does; tied scores keep their row order (NannyML's follow numpy's
///   unstable sort).
///
/// The standard deviations are numpy's two-pass `std` with pairwise sums over the
/// contributions in NannyML's order, so they agree bit for bit. This is not the spread of
/// a metric over reference chunks: NannyML uses that only for alert thresholds.
struct CBPESamplingError: Sendable, Hashable {
    private let accuracyDeviation: Double
    private let precisionDeviation: Double
    private let precisionFraction: Double
    private let recallDeviation: Double
    private let recallFraction: Double
    private let f1Deviation: Double
    private let f1Fraction: Double
    private let rocAUCDeviation: Double
    private let rocAUCFraction: Double

    /// Components from the labelled reference; `scores` are the uncalibrated ones.
    init(truth: [Bool], predicted: [Bool], scores: [Double]) {
        let n = Double(truth.count)
        var tp = 0
        var fp = 0
        var fn = 0
        var positives = 0
        var predictedPositives = 0
        for (t, p) in zip(truth, predicted) {
            if t { positives += 1 }
            if p { predictedPositives += 1 }
            if t && p { tp += 1 } else if p { fp += 1 } else if t { fn += 1 }
        }
        accuracyDeviation = Self.standardDeviation(zip(truth, predicted).map { $0 == $1 ? 1 : 0 })
        precisionDeviation = Self.standardDeviation(Self.indicators(ones: tp, zeros: fp))
        precisionFraction = Double(predictedPositives) / n
        recallDeviation = Self.standardDeviation(Self.indicators(ones: tp, zeros: fn))
        recallFraction = Double(positives) / n
        let relevant = tp + fp + fn
        if relevant == 0 {
            (f1Deviation, f1Fraction) = (.nan, 0)
        } else {
            let correction = Double(relevant) / (Double(fn + fp) * 0.5 + Double(tp))
            f1Deviation = Self.standardDeviation(Self.indicators(ones: tp, zeros: fn + fp).map { $0 * correction })
            f1Fraction = Double(relevant) / n
        }
        (rocAUCDeviation, rocAUCFraction) = Self.rocAUCComponents(truth: truth, scores: scores)
    }

    /// The sampling error of estimated accuracy on a window of `count` rows.
    func accuracy(count: Int) -> Double { accuracyDeviation / Double(count).squareRoot() }

    /// The sampling error of estimated precision on a window of `count` rows.
    func precision(count: Int) -> Double { Self.scaled(precisionDeviation, precisionFraction, count) }

    /// The sampling error of estimated recall on a window of `count` rows.
    func recall(count: Int) -> Double { Self.scaled(recallDeviation, recallFraction, count) }

    /// The sampling error of estimated F1 on a window of `count` rows.
    func f1(count: Int) -> Double { Self.scaled(f1Deviation, f1Fraction, count) }

    /// The sampling error of estimated ROC AUC on a window of `count` rows.
    func rocAUC(count: Int) -> Double { Self.scaled(rocAUCDeviation, rocAUCFraction, count) }

    private static func scaled(_ deviation: Double, _ fraction: Double, _ count: Int) -> Double {
        deviation / (Double(count) * fraction).squareRoot()
    }

    private static func indicators(ones: Int, zeros: Int) -> [Double] {
        [Double](repeating: 1, count: ones) + [Double](repeating: 0, count: zeros)
    }

    /// numpy's `std` (ddof 0): two passes, pairwise sums; NaN when empty.
    private static func standardDeviation(_ values: [Double]) -> Double {
        let mean = NumpyPairwiseSum.sum(values) / Double(values.count)
        let squares = values.map { ($0 - mean) * ($0 - mean) }
        return (NumpyPairwiseSum.sum(squares) / Double(values.count)).squareRoot()
    }

    private static func rocAUCComponents(truth: [Bool], scores: [Double]) -> (Double, Double) {
        let positives = truth.filter { $0 }.count
        let flip = Double(positives) / Double(truth.count) > 0.5
        let labels = flip ? truth.map { !$0 } : truth
        let ranked = flip ? scores.map { 1 - $0 } : scores
        let order = RadixArgsort.argsort(ranked)
        let positiveCount = flip ? truth.count - positives : positives
        let negativeCount = Double(truth.count - positiveCount)
        var negativesBelow: [Double] = []
        for (rank, row) in order.enumerated() where labels[row] && rank > 0 {
            negativesBelow.append(Double(rank - negativesBelow.count) / negativeCount)
        }
        return (standardDeviation(negativesBelow), Double(positiveCount) / Double(truth.count))
    }
}
