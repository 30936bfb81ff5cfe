import DriftStats

/// The drift of every column shared by a reference and a current dataset.
public struct DriftReport: Sendable, Hashable {
    /// Rows in the reference dataset.
    public var referenceRows: Int
    /// Rows in the current dataset.
    public var currentRows: Int
    /// The dataset-level verdict.
    public var datasetDrift: DatasetDrift
    /// One entry per column present in both datasets, in the reference's column order.
    public var features: [FeatureDrift]
    /// Columns only the reference has; they are not compared.
    public var onlyInReference: [String]
    /// Columns only the current dataset has; they are not compared.
    public var onlyInCurrent: [String]
    /// How p-values were adjusted for testing many columns at once.
    public var correction: PValueCorrection
}

/// Whether enough columns drifted to call the dataset drifted.
public struct DatasetDrift: Sendable, Hashable {
    /// Columns that drifted.
    public var drifted: Int
    /// Columns compared.
    public var total: Int
    /// drifted / total (0 when nothing was compared).
    public var share: Double
    /// The share at which the dataset counts as drifted.
    public var threshold: Double
    /// Whether share ≥ threshold (and at least one column drifted).
    public var detected: Bool
}

/// The kind of a column, which decides the methods that apply.
public enum ColumnKind: String, Sendable, Hashable, Codable {
    case numeric
    case categorical
}

/// How p-values of one method are adjusted across the columns of a report.
public enum PValueCorrection: String, Sendable, Hashable, Codable, CaseIterable {
    /// Benjamini–Hochberg false discovery rate control (the default).
    case benjaminiHochberg = "bh"
    /// Raw p-values.
    case none
}

/// The drift verdicts on one column.
public struct FeatureDrift: Sendable, Hashable {
    /// The column name.
    public var name: String
    /// Numeric or categorical.
    public var kind: ColumnKind
    /// Missing values dropped from the reference.
    public var missingReference: Int
    /// Missing values dropped from the current dataset.
    public var missingCurrent: Int
    /// Whether any method signalled drift on this column.
    public var drift: Bool
    /// One result per method applied.
    public var results: [MethodResult]
}

/// One method's result on a column, with the p-value adjusted across the report.
public struct MethodResult: Sendable, Hashable {
    /// The statistic, p-value, threshold and verdict.
    public var result: DriftTestResult
    /// The p-value after the report's correction; equals the raw p-value without one.
    public var adjustedPValue: Double?
    /// Whether the method was picked automatically.
    public var automatic: Bool
}
