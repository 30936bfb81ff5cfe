/// One point of a ``ScatterPlot``.
///
/// ```swift
/// ScatterPoint(x: 34, y: 0.82, group: "segment A")
/// ```
public struct ScatterPoint: Sendable, Hashable {
    /// Horizontal value, e.g. a feature.
    public var x: Double
    /// Vertical value, e.g. the prediction.
    public var y: Double
    /// The group that sets the point's colour and shape; `""` for ungrouped data.
    public var group: String

    /// A point; non-finite coordinates are not drawn.
    ///
    /// ```swift
    /// ScatterPoint(x: row.age, y: row.prediction, group: row.segment)
    /// ```
    public init(x: Double, y: Double, group: String = "") {
        self.x = x
        self.y = y
        self.group = group
    }
}

/// Points on two linear axes, coloured and shaped by group, with a legend.
///
/// Each point is a mark with `data-value` (its y), `data-x` and `data-group`, and a tooltip.
///
/// ```swift
/// let chart = ScatterPlot(
///     title: "Prediction vs age",
///     points: rows.map { ScatterPoint(x: $0.age, y: $0.score, group: $0.segment) },
///     options: ChartOptions(xAxisLabel: "age", yAxisLabel: "score"))
/// let svg = chart.svg()
/// ```
public struct ScatterPlot: Sendable {
    /// The accessible name of the chart, also drawn above it.
    public var title: String
    /// The points, drawn in order within their group.
    public var points: [ScatterPoint]
    /// The order of groups for colours and the legend; groups not listed follow in order of
    /// first appearance. Fixing it keeps a segment's colour the same across charts.
    public var groupOrder: [String]
    /// Colours for the groups.
    public var palette: Palette
    /// Size, axis titles and accessibility text.
    public var options: ChartOptions

    /// A scatter plot; only `title` and `points` are required.
    ///
    /// ```swift
    /// ScatterPlot(title: "Residuals", points: points, groupOrder: ["control", "treatment"])
    /// ```
    public init(
        title: String, points: [ScatterPoint], groupOrder: [String] = [], palette: Palette = .okabeIto,
        options: ChartOptions = ChartOptions()
    ) {
        self.title = title
        self.points = points
        self.groupOrder = groupOrder
        self.palette = palette
        self.options = options
    }

    /// The chart as a standalone `<svg>` element, or a "no data" placeholder when no point
    /// has finite coordinates.
    ///
    /// ```swift
    /// let markup = chart.svg()
    /// ```
    public func svg() -> String {
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        guard !finite.isEmpty else {
            return ChartDocument(kind: "scatter-plot", title: title, summary: "", options: options).placeholder()
        }
        let groups = orderedGroups(finite)
        let document = ChartDocument(
            kind: "scatter-plot", title: title, summary: summary(finite, groups: groups), options: options)
        return document.render { draw(finite, groups: groups, into: &$0) }
    }

    /// Group names in colour order: `groupOrder` first, then the rest as they appear.
    func orderedGroups(_ points: [ScatterPoint]) -> [String] {
        var seen = Set<String>()
        var groups: [String] = []
        for name in groupOrder + points.map(\.group) where seen.insert(name).inserted {
            groups.append(name)
        }
        let present = Set(points.map(\.group))
        return groups.filter(present.contains)
    }

    /// E.g. "Scatter plot of 120 points in 2 groups, age from 18 to 80, score from 0.1 to 0.9.
    /// segment A: 70 points; segment B: 50 points."
    private func summary(_ points: [ScatterPoint], groups: [String]) -> String {
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        var text = "Scatter plot of " + Wording.count(points.count, "point")
        if groups.count > 1 { text += " in " + Wording.count(groups.count, "group") }
        text += ", \(xName) from \(NumberText.readable(xs.min()!)) to \(NumberText.readable(xs.max()!))"
        text += ", \(yName) from \(NumberText.readable(ys.min()!)) to \(NumberText.readable(ys.max()!))."
        if groups.count > 1 || groups.first?.isEmpty == false {
            let counts = groups.map { name in
                "\(name): " + Wording.count(points.filter { $0.group == name }.count, "point")
            }
            text += " " + counts.joined(separator: "; ") + "."
        }
        return text
    }

    var xName: String { options.xAxisLabel ?? "x" }
    var yName: String { options.yAxisLabel ?? "y" }
}
