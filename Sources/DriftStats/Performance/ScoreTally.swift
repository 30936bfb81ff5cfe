import Foundation

/// One class's predicted probability over labelled predictions, split by whether the label is
/// that class: what ROC AUC, average precision, log loss, the Brier score and the expected
/// calibration error of the class need, as counts and sums only, so that tallies of time buckets
/// merge into a window's and a corrected label can be taken out again (weight −1).
///
/// The probabilities are counted in ``bins`` equal-width bins, [k/1000, (k+1)/1000), which
/// stand for their thresholds: ROC AUC and average precision are computed as
/// ``BinaryClassificationMetrics`` computes them on exact scores, with the scores of one bin
/// tied. That moves ROC AUC by at most ``rocAUCBound`` (half the share of positive–negative
/// pairs that share a bin). Log loss, the Brier score and the calibration error (over
/// ``calibrationBins`` bins, as `calibration_curve(strategy="uniform")` bins) are sums of exact
/// per-row terms, equal to the exact values up to rounding.
public struct ScoreTally: Sendable, Hashable {
    /// Bins of the probability for ROC AUC and average precision.
    public static let bins = 1_000
    /// Bins of the expected calibration error.
    public static let calibrationBins = 10

    /// Rows with a probability of the class.
    public internal(set) var rows = 0
    /// Those whose label is the class.
    public internal(set) var positives = 0
    /// Those whose probability is outside [0, 1] (a decision value, not a probability): they are
    /// not binned, and the metrics are undefined while there are any.
    public internal(set) var outside = 0
    /// Bin → rows, for rows labelled the class and for the others (no empty bins).
    var positiveBins: [Int: Int] = [:]
    var negativeBins: [Int: Int] = [:]
    /// Σ −ln L over the rows, L being the clipped likelihood of the label (p or 1 − p).
    var logLoss = 0.0
    /// Σ (y − p)².
    var brier = 0.0
    /// Per calibration bin: rows, rows labelled the class, Σ p.
    var calibrationRows = [Int](repeating: 0, count: calibrationBins)
    var calibrationPositives = [Int](repeating: 0, count: calibrationBins)
    var calibrationSums = [Double](repeating: 0, count: calibrationBins)

    /// An empty tally.
    public init() {}

    /// Adds a row with probability `p` (`weight` −1 takes one out).
    public mutating func add(_ p: Double, isPositive: Bool, weight: Int = 1) {
        rows += weight
        if isPositive { positives += weight }
        guard p >= 0, p <= 1 else {
            outside += weight
            return
        }
        let bin = min(Int(p * Double(Self.bins)), Self.bins - 1)
        if isPositive {
            Self.count(&positiveBins, bin, weight)
        } else {
            Self.count(&negativeBins, bin, weight)
        }
        let epsilon = Double.ulpOfOne
        // scikit-learn forms 1 − p before clipping, as BinaryClassificationMetrics does.
        let likelihood = isPositive ? p : 1 - p
        logLoss -= Double(weight) * log(min(max(likelihood, epsilon), 1 - epsilon))
        let outcome: Double = isPositive ? 1 : 0
        brier += Double(weight) * (outcome - p) * (outcome - p)
        let calibration = Self.calibrationBin(p)
        calibrationRows[calibration] += weight
        if isPositive { calibrationPositives[calibration] += weight }
        calibrationSums[calibration] += Double(weight) * p
    }

    /// Adds everything `other` counted.
    public mutating func merge(_ other: ScoreTally) {
        rows += other.rows
        positives += other.positives
        outside += other.outside
        for (bin, count) in other.positiveBins { Self.count(&positiveBins, bin, count) }
        for (bin, count) in other.negativeBins { Self.count(&negativeBins, bin, count) }
        logLoss += other.logLoss
        brier += other.brier
        for bin in 0..<Self.calibrationBins {
            calibrationRows[bin] += other.calibrationRows[bin]
            calibrationPositives[bin] += other.calibrationPositives[bin]
            calibrationSums[bin] += other.calibrationSums[bin]
        }
    }

    /// The area under the ROC curve of the binned scores; nil when a group is empty or a
    /// probability is outside [0, 1].
    public var rocAUC: Double? { outside == 0 ? thresholds.rocAUC : nil }

    /// The most that binning can have moved ``rocAUC``: half the share of positive–negative
    /// pairs whose scores share a bin.
    public var rocAUCBound: Double? {
        let negatives = rows - positives
        guard outside == 0, positives > 0, negatives > 0 else { return nil }
        var tied = 0
        for (bin, count) in positiveBins { tied += count * (negativeBins[bin] ?? 0) }
        return Double(tied) / (2 * Double(positives) * Double(negatives))
    }

    /// Average precision of the binned scores (0 without positives, as scikit-learn gives);
    /// nil when a probability is outside [0, 1].
    public var averagePrecision: Double? { outside == 0 ? thresholds.averagePrecision : nil }

    /// Mean log loss, Brier score and expected calibration error; nil without rows or with a
    /// probability outside [0, 1].
    public var probabilityScores: (logLoss: Double, brier: Double, ece: Double)? {
        guard rows > 0, outside == 0 else { return nil }
        let n = Double(rows)
        var ece = 0.0
        for bin in 0..<Self.calibrationBins where calibrationRows[bin] > 0 {
            let total = Double(calibrationRows[bin])
            ece += total / n * abs(Double(calibrationPositives[bin]) / total - calibrationSums[bin] / total)
        }
        return (logLoss / n, brier / n, ece)
    }

    /// The bins as thresholds, from the highest down.
    private var thresholds: BinnedThresholds {
        BinnedThresholds(
            positiveCount: positives, negativeCount: rows - positives, positiveBins: positiveBins,
            negativeBins: negativeBins)
    }

    private struct BinnedThresholds: ThresholdCounts {
        let positiveCount: Int
        let negativeCount: Int
        let positiveBins: [Int: Int]
        let negativeBins: [Int: Int]

        func forEachThreshold(_ body: (Int, Int) -> Void) {
            var (tp, fp) = (0, 0)
            for bin in Set(positiveBins.keys).union(negativeBins.keys).sorted(by: >) {
                tp += positiveBins[bin] ?? 0
                fp += negativeBins[bin] ?? 0
                body(tp, fp)
            }
        }
    }

    private static func count(_ bins: inout [Int: Int], _ bin: Int, _ weight: Int) {
        let count = bins[bin, default: 0] + weight
        bins[bin] = count == 0 ? nil : count
    }

    /// The edges `numpy.linspace(0, 1, B + 1)` gives.
    private static let calibrationEdges = (0...calibrationBins).map { Double($0) * (1 / Double(calibrationBins)) }

    /// The calibration bin of `p` as ``ExpectedCalibrationError`` bins it: [0, e₁], (e₁, e₂], ….
    static func calibrationBin(_ p: Double) -> Int {
        let bins = calibrationBins
        var bin = min(max(Int(p * Double(bins)), 0), bins - 1)
        while bin > 0 && calibrationEdges[bin] >= p { bin -= 1 }
        while bin < bins - 1 && calibrationEdges[bin + 1] < p { bin += 1 }
        return bin
    }
}
