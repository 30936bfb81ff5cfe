/// Counts of true against predicted labels, as `sklearn.metrics.confusion_matrix` tabulates them.
///
/// Rows are true labels and columns predicted labels, both over the sorted union of the labels
/// that occur in either sequence (scikit-learn's default `labels=None`).
public struct ConfusionMatrix<Label: Hashable & Comparable & Sendable>: Sendable, Hashable {
    /// The labels of the rows and columns, ascending.
    public let labels: [Label]
    /// `counts[i][j]`: samples whose true label is `labels[i]` and predicted label `labels[j]`.
    public let counts: [[Int]]

    /// Tabulates paired true and predicted labels (the shorter sequence sets the length).
    @inlinable
    public init(truth: [Label], predicted: [Label]) {
        let encoded = Self.encode(truth: truth, predicted: predicted)
        self.init(labels: encoded.labels, truth: encoded.truth, predicted: encoded.predicted)
    }

    /// Tabulates label positions already encoded against `labels`.
    @usableFromInline
    init(labels: [Label], truth: [Int], predicted: [Int]) {
        let k = labels.count
        var flat = [Int](repeating: 0, count: k * k)
        for (t, p) in zip(truth, predicted) { flat[t * k + p] += 1 }
        self.labels = labels
        self.counts = (0..<k).map { Array(flat[($0 * k)..<($0 * k + k)]) }
    }

    /// A matrix of counts over `labels` (ascending), `counts[i][j]` for true `labels[i]` and
    /// predicted `labels[j]`.
    init(labels: [Label], counts: [[Int]]) {
        self.labels = labels
        self.counts = counts
    }

    /// The sorted union of labels, and each sequence as positions in it.
    ///
    /// Inlinable so that callers hash their concrete label type rather than going through
    /// generic witnesses, the one per-sample cost that depends on the label type.
    @inlinable
    static func encode(truth: [Label], predicted: [Label]) -> (labels: [Label], truth: [Int], predicted: [Int]) {
        // Number labels as first seen, then renumber in sorted order. Label sets are usually
        // small, and scanning a few labels for equality is cheaper than hashing every sample.
        var firstSeen: [Label: Int] = [:]
        var seen: [Label] = []
        func number(_ label: Label) -> Int {
            if seen.count <= 16 {
                if let number = seen.firstIndex(of: label) { return number }
            } else if let number = firstSeen[label] {
                return number
            }
            firstSeen[label] = seen.count
            seen.append(label)
            return seen.count - 1
        }
        let truthNumbers = truth.map(number)
        let predictedNumbers = predicted.map(number)
        let order = seen.indices.sorted { seen[$0] < seen[$1] }
        var position = [Int](repeating: 0, count: seen.count)
        for (rank, number) in order.enumerated() { position[number] = rank }
        return (order.map { seen[$0] }, truthNumbers.map { position[$0] }, predictedNumbers.map { position[$0] })
    }

    /// The number of samples with true label `truth` predicted as `predicted`.
    public func count(truth: Label, predicted: Label) -> Int {
        guard let row = labels.firstIndex(of: truth), let column = labels.firstIndex(of: predicted) else { return 0 }
        return counts[row][column]
    }

    /// The number of samples tabulated.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// Correct predictions per label (the diagonal), aligned with ``labels``.
    public var truePositives: [Int] { labels.indices.map { counts[$0][$0] } }

    /// Samples per true label (row sums), aligned with ``labels``.
    public var support: [Int] { counts.map { $0.reduce(0, +) } }

    /// Predictions per label (column sums), aligned with ``labels``.
    public var predictedCounts: [Int] {
        labels.indices.map { column in counts.reduce(0) { $0 + $1[column] } }
    }
}
