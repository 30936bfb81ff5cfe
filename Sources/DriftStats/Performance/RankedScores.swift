/// The scores of positive and negative samples, each sorted once, for ROC AUC and average precision.
///
/// Both metrics walk the distinct score thresholds from the highest down with the cumulative
/// true- and false-positive counts (`sklearn.metrics.confusion_matrix_at_thresholds`). Sorting
/// the two groups separately with ``RadixSort`` and merging them gives that walk in O(n)
/// without sorting indices.
struct RankedScores: ThresholdCounts {
    /// Scores of the positive samples, ascending.
    private(set) var positives: [Double] = []
    /// Scores of the negative samples, ascending.
    private(set) var negatives: [Double] = []

    var positiveCount: Int { positives.count }
    var negativeCount: Int { negatives.count }

    /// Splits finite `scores` by `isPositive` and sorts each group.
    init(scores: [Double], isPositive: [Bool]) {
        let positiveCount = isPositive.reduce(0) { $0 + ($1 ? 1 : 0) }
        positives.reserveCapacity(positiveCount)
        negatives.reserveCapacity(scores.count - positiveCount)
        for (score, positive) in zip(scores, isPositive) {
            if positive { positives.append(score) } else { negatives.append(score) }
        }
        RadixSort.sort(&positives)
        RadixSort.sort(&negatives)
    }

    /// Calls `body(tp, fp)` at each distinct threshold, from the highest score down.
    func forEachThreshold(_ body: (Int, Int) -> Void) {
        var i = positives.count - 1
        var j = negatives.count - 1
        while i >= 0 || j >= 0 {
            let threshold = max(i >= 0 ? positives[i] : -.infinity, j >= 0 ? negatives[j] : -.infinity)
            while i >= 0 && positives[i] == threshold { i -= 1 }
            while j >= 0 && negatives[j] == threshold { j -= 1 }
            body(positives.count - 1 - i, negatives.count - 1 - j)
        }
    }
}

/// Counts of positive and negative samples at descending score thresholds, from which ROC AUC
/// and average precision follow (`sklearn.metrics.confusion_matrix_at_thresholds`).
protocol ThresholdCounts {
    var positiveCount: Int { get }
    var negativeCount: Int { get }
    /// Calls `body(tp, fp)` at each distinct threshold, from the highest score down, with the
    /// cumulative true- and false-positive counts.
    func forEachThreshold(_ body: (Int, Int) -> Void)
}

extension ThresholdCounts {
    /// The area under the ROC curve, `nil` when either class is empty.
    ///
    /// The trapezoids between consecutive thresholds sum, in integers, to twice the area times
    /// P·N, so the one division leaves a correctly rounded result that is the Mann–Whitney
    /// probability P(score⁺ > score⁻) + ½·P(score⁺ = score⁻).
    var rocAUC: Double? {
        guard positiveCount > 0, negativeCount > 0 else { return nil }
        var twiceArea = 0
        var previousTP = 0
        var previousFP = 0
        forEachThreshold { tp, fp in
            twiceArea += (fp - previousFP) * (tp + previousTP)
            previousTP = tp
            previousFP = fp
        }
        return Double(twiceArea) / (2 * Double(positiveCount) * Double(negativeCount))
    }

    /// Average precision, Σₖ (Rₖ − Rₖ₋₁)·Pₖ over the distinct thresholds
    /// (`sklearn.metrics.average_precision_score`, a step sum, not a trapezoid).
    ///
    /// Without positives scikit-learn sets every recall to 1, which leaves the precision at
    /// the highest threshold, 0; that value is returned rather than an undefined one.
    var averagePrecision: Double {
        guard positiveCount > 0 else { return 0 }
        let totalPositives = Double(positiveCount)
        var sum = 0.0
        var previousTP = 0
        forEachThreshold { tp, fp in
            if tp > previousTP {
                sum += Double(tp - previousTP) / totalPositives * (Double(tp) / Double(tp + fp))
            }
            previousTP = tp
        }
        return sum
    }
}
