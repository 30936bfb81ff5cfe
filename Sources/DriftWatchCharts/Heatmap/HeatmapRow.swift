/// A row of a ``Heatmap``, e.g. one feature.
///
/// ```swift
/// HeatmapRow(label: "age", values: [0.01, 0.02, nil, 0.31])
/// ```
public struct HeatmapRow: Sendable, Hashable {
    /// Drawn left of the row (shortened when long, in full in tooltips).
    public var label: String
    /// One value per column; `nil`, non-finite and missing trailing values are empty cells.
    public var values: [Double?]

    /// A row with its values.
    ///
    /// ```swift
    /// HeatmapRow(label: "income", values: hourlyPSI)
    /// ```
    public init(label: String, values: [Double?]) {
        self.label = label
        self.values = values
    }
}
