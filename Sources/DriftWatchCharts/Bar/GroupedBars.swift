/// Bars by category, one bar per group side by side within each category: the drawing
/// behind ``BarChart`` (one group) and ``CategoricalDistributionOverlay`` (two).
struct GroupedBars {
    struct Group {
        /// Shown in tooltips when there is more than one group.
        let name: String?
        let color: RGBColor
        let opacity: Double
        let dash: String?
        let cssClass: String
        /// One value per category; `nil` draws no bar.
        let values: [Double?]
    }

    let categories: [String]
    let groups: [Group]
    let orientation: BarOrientation
    let showsValueLabels: Bool
    let format: ValueFormat
    let options: ChartOptions

    private static let labelLimit = 24

    func draw(into writer: inout SVGWriter, legend: Legend) {
        let legendHeight = legend.height(width: PlotArea.legendWidth(options))
        let values = groups.flatMap { $0.values.compactMap { $0 } }
        let horizontal = orientation == .horizontal
        let axis = ValueAxis(
            lower: min(values.min() ?? 0, 0), upper: max(values.max() ?? 1, 0),
            targetCount: horizontal
                ? Axes.tickCount(length: options.canvasWidth - 200, spacing: 80)
                : Axes.tickCount(length: options.canvasHeight - 100, spacing: 40),
            extent: options.extent, format: format)
        let shortLabels = categories.map { TextMetrics.truncated($0, limit: Self.labelLimit) }
        let (plot, rotated) = layout(axis: axis, shortLabels: shortLabels, values: values, legendHeight: legendHeight)
        let valueScale =
            horizontal
            ? LinearScale(domain: axis.domain, from: plot.x, to: plot.maxX)
            : LinearScale(domain: axis.domain, from: plot.maxY, to: plot.y)
        let bands =
            horizontal
            ? BandScale(count: categories.count, from: plot.y, to: plot.maxY)
            : BandScale(count: categories.count, from: plot.x, to: plot.maxX)
        let valueTicks = axis.axisTicks(valueScale)
        let categoryTicks = shortLabels.indices.map { AxisTick(position: bands.center(of: $0), label: shortLabels[$0]) }
        let fullNames = categories.map { $0.count > Self.labelLimit ? $0 : nil }

        plot.draw(&writer)
        if horizontal {
            Axes.grid(&writer, plot: plot, vertical: valueTicks.map(\.position))
        } else {
            Axes.grid(&writer, plot: plot, horizontal: valueTicks.map(\.position))
        }
        drawBars(into: &writer, valueScale: valueScale, bands: bands)
        drawBaseline(into: &writer, at: valueScale.position(of: 0), plot: plot)
        if horizontal {
            Axes.left(&writer, plot: plot, ticks: categoryTicks, titles: fullNames)
            Axes.bottom(&writer, plot: plot, ticks: valueTicks)
        } else {
            Axes.left(&writer, plot: plot, ticks: valueTicks)
            Axes.bottom(&writer, plot: plot, ticks: categoryTicks, rotated: rotated, titles: fullNames)
        }
        Axes.titles(&writer, plot: plot, options: options)
        legend.draw(&writer, x: 8, y: PlotArea.legendTop(options), width: PlotArea.legendWidth(options))
    }

    /// The plot, leaving room for category labels, value labels and, on vertical charts,
    /// slanted labels when they are wider than their slot.
    private func layout(
        axis: ValueAxis, shortLabels: [String], values: [Double], legendHeight: Double
    ) -> (plot: PlotArea, rotated: Bool) {
        let longestCategory = shortLabels.map { TextMetrics.width($0) }.max() ?? 0
        switch orientation {
        case .horizontal:
            let valueLabelWidth =
                showsValueLabels ? (values.map { TextMetrics.width(format.text($0)) }.max() ?? 0) + 6 : 0
            let plot = PlotArea(
                options: options, legendHeight: legendHeight, leftLabelWidth: longestCategory, bottomLabelHeight: 16,
                rightPadding: 16 + valueLabelWidth)
            return (plot, false)
        case .vertical:
            var leftWidth = axis.labelWidth
            let trial = PlotArea(
                options: options, legendHeight: legendHeight, leftLabelWidth: leftWidth, bottomLabelHeight: 16)
            let slot = trial.width / Double(max(categories.count, 1))
            // Labels wider than their slot would run into each other, so they slant instead.
            let rotated = longestCategory > slot - 4
            if rotated, let first = shortLabels.first {
                // A slanted label reaches cos 40° of its length leftwards; keep the first on the canvas.
                leftWidth = max(leftWidth, TextMetrics.width(first) * 0.766 - slot / 2 - 10)
            }
            // Value labels above the bars need a line of room below the legend.
            let plot = PlotArea(
                options: options, legendHeight: legendHeight + (showsValueLabels ? 12 : 0), leftLabelWidth: leftWidth,
                bottomLabelHeight: Axes.bottomLabelHeight(longestLabel: longestCategory, rotated: rotated))
            return (plot, rotated)
        }
    }

    /// The zero line bars grow from, which is not the plot's edge when values are negative.
    private func drawBaseline(into writer: inout SVGWriter, at zero: Double, plot: PlotArea) {
        let ends: SVGAttributes =
            orientation == .horizontal
            ? ["x1": .number(zero), "x2": .number(zero), "y1": .number(plot.y), "y2": .number(plot.maxY)]
            : ["x1": .number(plot.x), "x2": .number(plot.maxX), "y1": .number(zero), "y2": .number(zero)]
        writer.element("line", ["class": "dw-baseline"] + ends + ["stroke": .text(Axes.color)])
    }

    private func drawBars(into writer: inout SVGWriter, valueScale: LinearScale, bands: BandScale) {
        let horizontal = orientation == .horizontal
        let thickness = bands.bandwidth / Double(groups.count)
        let zero = valueScale.position(of: 0)
        for (groupIndex, group) in groups.enumerated() {
            writer.group(["class": .text("dw-series \(group.cssClass)")]) { writer in
                for (index, category) in categories.enumerated() {
                    guard index < group.values.count, let value = group.values[index] else { continue }
                    let end = valueScale.position(of: value)
                    let across = bands.start(of: index) + thickness * Double(groupIndex)
                    let geometry: SVGAttributes =
                        horizontal
                        ? [
                            "x": .number(min(zero, end)), "y": .number(across), "width": .number(abs(end - zero)),
                            "height": .number(thickness),
                        ]
                        : [
                            "x": .number(across), "y": .number(min(zero, end)), "width": .number(thickness),
                            "height": .number(abs(end - zero)),
                        ]
                    let name = group.name.map { "\(category), \($0)" } ?? category
                    writer.element(
                        "rect",
                        ["class": "dw-bar", "data-value": .exact(value), "data-category": .text(category)] + geometry
                            + [
                                "fill": .text(group.color.hex),
                                "fill-opacity": group.opacity < 1 ? .number(group.opacity) : nil,
                                "stroke": group.opacity < 1 ? .text(group.color.hex) : nil,
                                "stroke-dasharray": group.dash.map(SVGValue.text),
                            ], title: "\(name): \(format.text(value))")
                    if showsValueLabels {
                        let outward = value >= 0 ? 1.0 : -1.0
                        let label: SVGAttributes =
                            horizontal
                            ? [
                                "x": .number(end + 4 * outward), "y": .number(across + thickness / 2 + 4),
                                "text-anchor": outward > 0 ? "start" : "end",
                            ]
                            : [
                                "x": .number(across + thickness / 2), "y": .number(end - (outward > 0 ? 4 : -12)),
                                "text-anchor": "middle",
                            ]
                        writer.text(format.text(value), ["class": "dw-value-label", "fill": "#333333"] + label)
                    }
                }
            }
        }
    }
}
