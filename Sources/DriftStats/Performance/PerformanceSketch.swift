import Foundation

/// A labelled prediction as ``PerformanceSketch`` counts it: labels already in their canonical
/// spelling (so that `1` and `1.0` are one class), numbers for regression, the predicted
/// probability of each class, and the label's delay.
public struct LabeledPrediction: Sendable, Hashable {
    public var truth: String?
    public var predicted: String?
    public var truthNumber: Double?
    public var predictedNumber: Double?
    /// Class (canonical spelling) → probability.
    public var probabilities: [String: Double]
    /// Seconds from the prediction to its label.
    public var delaySeconds: Double?

    /// Creates a labelled prediction.
    public init(
        truth: String?, predicted: String?, truthNumber: Double?, predictedNumber: Double?,
        probabilities: [String: Double] = [:], delaySeconds: Double? = nil
    ) {
        self.truth = truth
        self.predicted = predicted
        self.truthNumber = truthNumber
        self.predictedNumber = predictedNumber
        self.probabilities = probabilities
        self.delaySeconds = delaySeconds
    }
}

/// Labelled predictions summarised for the performance metrics of any task: the confusion
/// counts of the labels, a ``ScoreTally`` per class with probabilities, a ``RegressionTally``,
/// and the label delays. Sketches of time buckets merge into a window's, and every part is a
/// count or a sum, so that a corrected label is taken out (weight −1) and its new value added.
///
/// Label metrics (accuracy, precision, recall, F1 in every average) are exact; probability
/// metrics are exact sums except ROC AUC and average precision, which tie scores within a
/// bin of ``ScoreTally/bins`` (see ``ScoreTally``). A sketch keeps at most ``maxLabels``
/// distinct labels: a model with more (a regression model's numbers) keeps only its regression
/// tally, and its classification metrics are undefined.
public struct PerformanceSketch: Sendable {
    /// Distinct labels (true, predicted and probability classes) kept for classification.
    public static let maxLabels = 64

    /// Labelled predictions counted.
    public internal(set) var pairs = 0
    /// Of which without a true or a predicted label (skipped by classification).
    public internal(set) var unlabeled = 0
    /// More than ``maxLabels`` distinct labels were seen: the classification parts are dropped.
    public internal(set) var tooManyLabels = false
    /// True label → predicted label → count (no zero counts).
    var confusion: [String: [String: Int]] = [:]
    /// Per class with probabilities.
    public internal(set) var scores: [String: ScoreTally] = [:]
    /// Rows with probabilities whose sum is not 1 (`numpy.allclose`).
    var unnormalizedRows = 0
    /// Σ −ln clip(p of the true label), over the rows with a probability of their true label.
    var truthLogLoss = 0.0
    var truthLogRows = 0
    /// Rows with probabilities but none of their true label.
    var truthWithoutProbability = 0
    /// Rows with finite true and predicted numbers.
    public internal(set) var regression = RegressionTally()
    /// Rows without them.
    public internal(set) var regressionSkipped = 0
    /// Label delays.
    public internal(set) var delays = LabelDelayHistogram()
    /// Every label in `confusion` and `scores` (derived; not stored).
    private var labels: Set<String> = []

    /// An empty sketch.
    public init() {}

    /// Whether the sketch holds nothing, not even a correction's net change (which adds as
    /// many pairs as it takes out).
    public var isEmpty: Bool { self == PerformanceSketch() }

    /// Counts `pair` (`weight` −1 takes it out).
    public mutating func add(_ pair: LabeledPrediction, weight: Int = 1) {
        pairs += weight
        if let t = pair.truthNumber, let p = pair.predictedNumber, t.isFinite, p.isFinite {
            regression.add(truth: t, predicted: p, weight: weight)
        } else {
            regressionSkipped += weight
        }
        if let delay = pair.delaySeconds { delays.add(max(delay, 0), weight: weight) }
        guard let truth = pair.truth, let predicted = pair.predicted else {
            unlabeled += weight
            return
        }
        guard !tooManyLabels else { return }
        note(truth)
        note(predicted)
        for name in pair.probabilities.keys { note(name) }
        guard !tooManyLabels else { return }
        let count = confusion[truth, default: [:]][predicted, default: 0] + weight
        confusion[truth, default: [:]][predicted] = count == 0 ? nil : count
        if confusion[truth]?.isEmpty == true { confusion[truth] = nil }
        let probabilities = pair.probabilities.filter { $0.value.isFinite }
        guard !probabilities.isEmpty else { return }
        var sum = 0.0
        for (name, p) in probabilities {
            scores[name, default: ScoreTally()].add(p, isPositive: name == truth, weight: weight)
            sum += p
        }
        // numpy.allclose(1, sum): |1 − sum| ≤ 1e−8 + 1e−5·|sum|.
        if abs(1 - sum) > 1e-8 + 1e-5 * abs(sum) { unnormalizedRows += weight }
        if let p = probabilities[truth] {
            let epsilon = Double.ulpOfOne
            truthLogLoss -= Double(weight) * log(min(max(p, epsilon), 1 - epsilon))
            truthLogRows += weight
        } else {
            truthWithoutProbability += weight
        }
    }

    /// Adds everything `other` counted.
    public mutating func merge(_ other: PerformanceSketch) {
        pairs += other.pairs
        unlabeled += other.unlabeled
        regression.merge(other.regression)
        regressionSkipped += other.regressionSkipped
        delays.merge(other.delays)
        if other.tooManyLabels { dropLabels() }
        guard !tooManyLabels else { return }
        for label in other.labels { note(label) }
        guard !tooManyLabels else { return }
        for (truth, row) in other.confusion {
            for (predicted, n) in row {
                let count = confusion[truth, default: [:]][predicted, default: 0] + n
                confusion[truth, default: [:]][predicted] = count == 0 ? nil : count
            }
            if confusion[truth]?.isEmpty == true { confusion[truth] = nil }
        }
        for (name, tally) in other.scores { scores[name, default: ScoreTally()].merge(tally) }
        unnormalizedRows += other.unnormalizedRows
        truthLogLoss += other.truthLogLoss
        truthLogRows += other.truthLogRows
        truthWithoutProbability += other.truthWithoutProbability
    }

    /// Rebuilds the derived label set after decoding.
    mutating func collectLabels() {
        labels = Set(confusion.keys).union(confusion.values.flatMap(\.keys)).union(scores.keys)
    }

    private mutating func note(_ label: String) {
        guard !labels.contains(label) else { return }
        labels.insert(label)
        if labels.count > Self.maxLabels { dropLabels() }
    }

    private mutating func dropLabels() {
        tooManyLabels = true
        confusion = [:]
        scores = [:]
        labels = []
        (unnormalizedRows, truthLogLoss, truthLogRows, truthWithoutProbability) = (0, 0, 0, 0)
    }
}

extension PerformanceSketch: Equatable {
    public static func == (a: PerformanceSketch, b: PerformanceSketch) -> Bool {
        a.pairs == b.pairs && a.unlabeled == b.unlabeled && a.tooManyLabels == b.tooManyLabels
            && a.confusion == b.confusion && a.scores == b.scores && a.unnormalizedRows == b.unnormalizedRows
            && a.truthLogLoss == b.truthLogLoss && a.truthLogRows == b.truthLogRows
            && a.truthWithoutProbability == b.truthWithoutProbability && a.regression == b.regression
            && a.regressionSkipped == b.regressionSkipped && a.delays == b.delays
    }
}
