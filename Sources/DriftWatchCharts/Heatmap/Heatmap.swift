import Foundation

/// A grid of coloured cells, e.g. drift score per feature (rows) and time bucket (columns).
///
/// Cells with a value carry `data-value` and a tooltip; cells without one are drawn empty
/// (white with a grey outline) rather than coloured as if they were zero. A colour key on
/// the right shows the scale.
///
/// ```swift
/// let chart = Heatmap(
///     title: "PSI by feature and hour",
///     timeBuckets: hourStarts,
///     rows: [
///         HeatmapRow(label: "age", values: [0.01, 0.04, nil]),
///         HeatmapRow(label: "income", values: [0.2, 0.3, 0.1]),
///     ],
///     domain: 0...0.5)
/// let svg = chart.svg()
/// ```
public struct Heatmap: Sendable {
    /// The accessible name of the chart, also drawn above it.
    public var title: String
    /// The columns, left to right.
    public var columns: [HeatmapColumn]
    /// The rows, top to bottom.
    public var rows: [HeatmapRow]
    /// Sequential for scores, diverging for signed changes around a centre.
    public var scheme: ColorScale.Scheme
    /// The values mapped to the end colours; by default the data's range (symmetric around
    /// the centre for a diverging scheme). Fix it to compare heatmaps with each other.
    public var domain: ClosedRange<Double>?
    /// Size, axis titles and accessibility text.
    public var options: ChartOptions

    /// A heatmap with named columns.
    ///
    /// ```swift
    /// Heatmap(title: "Missing rate", columns: ["v1", "v2"].map { HeatmapColumn(label: $0) }, rows: rows)
    /// ```
    public init(
        title: String, columns: [HeatmapColumn], rows: [HeatmapRow], scheme: ColorScale.Scheme = .sequential,
        domain: ClosedRange<Double>? = nil, options: ChartOptions = ChartOptions()
    ) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.scheme = scheme
        self.domain = domain
        self.options = options
    }

    /// A heatmap whose columns are time buckets starting at `timeBuckets`, labelled in UTC.
    ///
    /// ```swift
    /// Heatmap(title: "Drift by hour", timeBuckets: hours, rows: rows, scheme: .sequential, domain: 0...1)
    /// ```
    public init(
        title: String, timeBuckets: [Date], rows: [HeatmapRow], scheme: ColorScale.Scheme = .sequential,
        domain: ClosedRange<Double>? = nil, options: ChartOptions = ChartOptions()
    ) {
        self.init(
            title: title, columns: HeatmapColumn.timeBuckets(timeBuckets), rows: rows, scheme: scheme, domain: domain,
            options: options)
    }

    /// The chart as a standalone `<svg>` element, or a "no data" placeholder when there are
    /// no rows, no columns or no finite values.
    ///
    /// ```swift
    /// let markup = heatmap.svg()
    /// ```
    public func svg() -> String {
        let grid = rows.map { row in
            columns.indices.map { index in
                index < row.values.count ? row.values[index].flatMap { $0.isFinite ? $0 : nil } : nil
            }
        }
        let values = grid.flatMap { $0.compactMap { $0 } }
        guard let low = values.min(), let high = values.max() else {
            return ChartDocument(kind: "heatmap", title: title, summary: "", options: options).placeholder()
        }
        let scale = ColorScale(scheme: scheme, domain: colorDomain(low: low, high: high))
        let document = ChartDocument(
            kind: "heatmap", title: title, summary: summary(grid, low: low, high: high), options: options)
        return document.render { draw(grid, scale: scale, into: &$0) }
    }

    /// The given domain if it is usable, else the data range; a diverging scheme gets a range
    /// symmetric around its centre so that equal changes up and down get equally strong colours.
    private func colorDomain(low: Double, high: Double) -> ClosedRange<Double> {
        if let domain, domain.lowerBound.isFinite, domain.upperBound.isFinite { return domain }
        switch scheme {
        case .sequential:
            return low...high
        case .diverging(let center):
            let middle = center.isFinite ? center : 0
            let reach = max(abs(low - middle), abs(high - middle))
            return (middle - reach)...(middle + reach)
        }
    }

    /// E.g. "Heatmap of 3 rows by 24 columns, values from 0.01 to 0.42. Highest: income at
    /// 2025-03-05 14:00 UTC, 0.42. 5 cells without data."
    private func summary(_ grid: [[Double?]], low: Double, high: Double) -> String {
        var text = "Heatmap of " + Wording.count(rows.count, "row") + " by " + Wording.count(columns.count, "column")
        text += ", values from \(NumberText.readable(low)) to \(NumberText.readable(high))."
        for (rowIndex, row) in grid.enumerated() {
            if let columnIndex = row.firstIndex(where: { $0 == high }) {
                text +=
                    " Highest: \(rows[rowIndex].label) at \(columns[columnIndex].name), \(NumberText.readable(high))."
                break
            }
        }
        let empty = grid.reduce(0) { $0 + $1.filter { $0 == nil }.count }
        if empty > 0 { text += " " + Wording.count(empty, "cell") + " without data." }
        return text
    }
}
