import Foundation

/// Values over time: one or more series with gaps for missing data, optional threshold
/// lines, an acceptance band and dashed forecasts with their intervals.
///
/// Each point is a mark with a `<title>` (tooltip) and `data-value`; the time axis is in UTC.
///
/// ```swift
/// let chart = LineChart(
///     title: "Inferences per minute",
///     series: [LineSeries(name: "inferences", dates: minutes, values: counts)],
///     thresholds: [ThresholdLine(label: "capacity", value: 120)],
///     band: .constant(lower: 20, upper: 110, label: "expected"),
///     options: ChartOptions(yAxisLabel: "per minute"))
/// let svg = chart.svg()
/// ```
public struct LineChart: Sendable {
    /// The accessible name of the chart, also drawn above it.
    public var title: String
    /// The lines, drawn in order with palette colours, dashes and markers by index.
    public var series: [LineSeries]
    /// Horizontal reference lines.
    public var thresholds: [ThresholdLine]
    /// A shaded range behind the lines.
    public var band: AcceptanceBand?
    /// Whether points show markers.
    public var markers: MarkerVisibility
    /// Whether the value axis always includes zero, e.g. for counts.
    public var includesZero: Bool
    /// Colours for the series.
    public var palette: Palette
    /// Size, axis titles and accessibility text.
    public var options: ChartOptions

    /// A line chart; only `title` and `series` are required.
    ///
    /// ```swift
    /// LineChart(title: "PSI of age", series: [psi], thresholds: [ThresholdLine(label: "alert", value: 0.2)])
    /// ```
    public init(
        title: String, series: [LineSeries], thresholds: [ThresholdLine] = [], band: AcceptanceBand? = nil,
        markers: MarkerVisibility = .automatic, includesZero: Bool = false, palette: Palette = .okabeIto,
        options: ChartOptions = ChartOptions()
    ) {
        self.title = title
        self.series = series
        self.thresholds = thresholds
        self.band = band
        self.markers = markers
        self.includesZero = includesZero
        self.palette = palette
        self.options = options
    }

    /// The chart as a standalone `<svg>` element, or a "no data" placeholder when no series
    /// has a finite value.
    ///
    /// ```swift
    /// let markup = chart.svg()  // embed unescaped, e.g. {{{chart}}} in mustache
    /// ```
    public func svg() -> String {
        guard let data = LinePlotData(self, palette: palette) else {
            return ChartDocument(kind: "line-chart", title: title, summary: "", options: options).placeholder()
        }
        let document = ChartDocument(kind: "line-chart", title: title, summary: summary(of: data), options: options)
        return document.render { draw(data, into: &$0) }
    }

    /// E.g. "Line chart of 1 series from 2025-03-05 14:00 UTC to 2025-03-05 15:00 UTC.
    /// inferences: 24 points, min 3, max 130, last 97."
    private func summary(of data: LinePlotData) -> String {
        let dates = data.series.flatMap { $0.points.map(\.date) }
        var sentences: [String] = []
        var opening = "Line chart of " + Wording.count(data.series.count, "series", plural: "series")
        if let first = dates.min(), let last = dates.max() {
            opening += " from \(UTCDate(first).timestamp) to \(UTCDate(last).timestamp)"
        }
        sentences.append(opening + ".")
        for series in data.series {
            let values = series.values
            var text = series.name + ": " + Wording.count(values.count, "point")
            if let low = values.min(), let high = values.max(), let last = values.last {
                text += ", min \(NumberText.readable(low)), max \(NumberText.readable(high))"
                text += ", last \(NumberText.readable(last))"
            }
            let missing = series.points.count - values.count
            if missing > 0 { text += ", " + Wording.count(missing, "missing value") }
            sentences.append(text + ".")
            if let end = series.forecast.last {
                var forecast =
                    "\(series.name) \(series.forecastLabel): " + Wording.count(series.forecast.count, "point")
                forecast += " to \(UTCDate(end.date).timestamp)"
                if let value = series.forecast.last(where: { $0.value != nil })?.value {
                    forecast += ", ending at \(NumberText.readable(value))"
                }
                sentences.append(forecast + ".")
            }
        }
        for threshold in data.thresholds {
            sentences.append("Threshold \(threshold.label) at \(NumberText.readable(threshold.value)).")
        }
        if let band = data.band {
            switch band.bounds {
            case .constant(let lower, let upper):
                sentences.append(
                    "\(band.label) from \(NumberText.readable(lower)) to \(NumberText.readable(upper)).")
            case .varying(let points):
                sentences.append("\(band.label) shown at " + Wording.count(points.count, "point") + ".")
            }
        }
        return sentences.joined(separator: " ")
    }
}
