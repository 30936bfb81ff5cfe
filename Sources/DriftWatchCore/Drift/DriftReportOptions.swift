import DriftStats

/// What a drift report computes and how it decides.
public struct DriftReportOptions: Sendable {
    /// Methods to apply; each applies to the columns of the kinds it accepts. Empty means the
    /// automatic choice (``MethodSelection``) for every column.
    public var methods: [DriftMethod]
    /// Column names to treat as categorical even when their values are numbers.
    public var categoricalColumns: Set<String>
    /// Threshold overrides and method tuning.
    public var evaluator: DriftEvaluator
    /// The share of drifted columns at which the dataset counts as drifted.
    public var datasetDriftShare: Double
    /// How p-values are adjusted across columns.
    public var correction: PValueCorrection

    /// Creates options; the defaults are automatic methods, BH correction and a share of 0.5.
    public init(
        methods: [DriftMethod] = [], categoricalColumns: Set<String> = [],
        evaluator: DriftEvaluator = DriftEvaluator(), datasetDriftShare: Double = 0.5,
        correction: PValueCorrection = .benjaminiHochberg
    ) {
        self.methods = methods
        self.categoricalColumns = categoricalColumns
        self.evaluator = evaluator
        self.datasetDriftShare = datasetDriftShare
        self.correction = correction
    }
}
