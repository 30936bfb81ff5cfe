/// A category and its value in a ``BarChart``.
///
/// ```swift
/// Bar(label: "country=DE", value: 1_240)
/// ```
public struct Bar: Sendable, Hashable {
    /// The category, drawn beside its bar (shortened when long, in full in the tooltip).
    public var label: String
    /// The bar's length; a non-finite value leaves the category without a bar.
    public var value: Double

    /// A bar for `label`.
    ///
    /// ```swift
    /// let bars = topSegments.map { Bar(label: $0.name, value: Double($0.count)) }
    /// ```
    public init(label: String, value: Double) {
        self.label = label
        self.value = value
    }
}

/// Values by category as bars, e.g. the top segments by inference volume.
///
/// Bars are drawn in the given order (the first at the top of a horizontal chart), from a
/// zero baseline, so negative values grow the other way.
///
/// ```swift
/// let chart = BarChart(
///     title: "Top segments by volume",
///     bars: [Bar(label: "DE", value: 1_240), Bar(label: "FR", value: 860), Bar(label: "US", value: 410)],
///     options: ChartOptions(xAxisLabel: "inferences"))
/// let svg = chart.svg()
/// ```
public struct BarChart: Sendable {
    /// The accessible name of the chart, also drawn above it.
    public var title: String
    /// The categories and values, in drawing order.
    public var bars: [Bar]
    /// Whether bars grow rightwards or upwards.
    public var orientation: BarOrientation
    /// Whether each bar's value is written at its end.
    public var showsValueLabels: Bool
    /// The fill of the bars.
    public var color: RGBColor
    /// Size, axis titles and accessibility text.
    public var options: ChartOptions

    /// A bar chart; only `title` and `bars` are required.
    ///
    /// ```swift
    /// BarChart(title: "Errors by model", bars: bars, orientation: .vertical, showsValueLabels: false)
    /// ```
    public init(
        title: String, bars: [Bar], orientation: BarOrientation = .horizontal, showsValueLabels: Bool = true,
        color: RGBColor = Palette.okabeIto.color(at: 0), options: ChartOptions = ChartOptions()
    ) {
        self.title = title
        self.bars = bars
        self.orientation = orientation
        self.showsValueLabels = showsValueLabels
        self.color = color
        self.options = options
    }

    /// The chart as a standalone `<svg>` element, or a "no data" placeholder when no bar has
    /// a finite value.
    ///
    /// ```swift
    /// let markup = chart.svg()
    /// ```
    public func svg() -> String {
        let finite = bars.filter(\.value.isFinite)
        guard !finite.isEmpty else {
            return ChartDocument(kind: "bar-chart", title: title, summary: "", options: options).placeholder()
        }
        let bars = GroupedBars(
            categories: self.bars.map(\.label),
            groups: [
                GroupedBars.Group(
                    name: nil, color: color, opacity: 1, dash: nil, cssClass: "dw-series-0",
                    values: self.bars.map { $0.value.isFinite ? $0.value : nil })
            ],
            orientation: orientation, showsValueLabels: showsValueLabels, format: .plain, options: options)
        let document = ChartDocument(kind: "bar-chart", title: title, summary: summary(finite), options: options)
        return document.render { bars.draw(into: &$0, legend: Legend(entries: [])) }
    }

    /// E.g. "Bar chart of 3 categories, largest DE 1240, smallest US 410. DE 1240, FR 860, US 410."
    private func summary(_ finite: [Bar]) -> String {
        var text = "Bar chart of " + Wording.count(bars.count, "category", plural: "categories")
        if let largest = finite.max(by: { $0.value < $1.value }), let smallest = finite.min(by: { $0.value < $1.value })
        {
            text += ", largest \(largest.label) \(NumberText.readable(largest.value))"
            text += ", smallest \(smallest.label) \(NumberText.readable(smallest.value))"
        }
        // Long lists would drown a screen reader; the first 20 carry the message of a ranking.
        let listed = finite.prefix(20).map { "\($0.label) \(NumberText.readable($0.value))" }
        text += ". " + listed.joined(separator: ", ")
        if finite.count > listed.count { text += ", and \(finite.count - listed.count) more" }
        return text + "."
    }
}
