import DriftStats

/// The performance metrics of a table of predictions with their true labels or values.
public struct PerformanceReport: Sendable {
    /// Which columns hold what.
    public struct Options: Sendable {
        /// The column of true labels or values.
        public var yTrue: String
        /// The column of predicted labels or values.
        public var yPred: String
        /// binary: the column of positive-class probabilities.
        public var proba: String?
        /// multiclass: the prefix of per-class probability columns (`proba_` → `proba_cat`).
        public var probaPrefix: String?
        /// binary: the positive label; by default `1` (in any numeric spelling) or `true`.
        public var positive: String?
        /// Equal-width bins of the expected calibration error.
        public var bins: Int

        /// Creates options.
        public init(
            yTrue: String = "y_true", yPred: String = "y_pred", proba: String? = nil, probaPrefix: String? = nil,
            positive: String? = nil, bins: Int = 10
        ) {
            self.yTrue = yTrue
            self.yPred = yPred
            self.proba = proba
            self.probaPrefix = probaPrefix
            self.positive = positive
            self.bins = bins
        }
    }

    /// One metric: its value, or why it is undefined.
    public struct Entry: Sendable, Hashable {
        /// The snake_case name (`accuracy`, `f1_macro`, `rmse`, …).
        public var name: String
        /// The value, nil when undefined.
        public var value: Double?
        /// Why the value is undefined.
        public var reason: String?
    }

    /// The task the metrics are for.
    public var task: PerformanceTask
    /// Rows scored.
    public var n: Int
    /// Rows skipped for a missing label, prediction or probability.
    public var skipped: Int
    /// Every metric of the task, in display order.
    public var metrics: [Entry]

    init(task: PerformanceTask, n: Int, skipped: Int, metrics: some NamedMetrics) {
        self.task = task
        self.n = n
        self.skipped = skipped
        self.metrics = metrics.results.map { name, result in
            switch result {
            case .success(let value): Entry(name: name, value: value, reason: nil)
            case .failure(let error): Entry(name: name, value: nil, reason: error.reason)
            }
        }
    }
}
