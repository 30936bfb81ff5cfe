/// A tick on an axis: where it is drawn and what it says.
struct AxisTick {
    var position: Double
    var label: String
}

/// Draws gridlines, axis lines, ticks and axis titles around a ``PlotArea``.
///
/// Axes are grey (#767676, 4.5:1 on white) and gridlines lighter, so data stays the
/// strongest ink on the page. Each part has a class (`dw-axis`, `dw-grid`, `dw-axis-label`)
/// that a page stylesheet can restyle; CSS overrides the presentation attributes used here.
///
/// ```swift
/// Axes.grid(&writer, plot: plot, horizontal: yTicks.map(\.position))
/// Axes.left(&writer, plot: plot, ticks: yTicks)
/// Axes.bottom(&writer, plot: plot, ticks: xTicks)
/// Axes.titles(&writer, plot: plot, options: options)
/// ```
enum Axes {
    static let color = "#767676"
    static let textColor = "#444444"

    /// About one tick per `spacing` units of axis length, between 2 and `maximum`.
    static func tickCount(length: Double, spacing: Double, maximum: Int = 8) -> Int {
        guard length.isFinite, length > 0 else { return 2 }
        return min(max(Int(length / spacing), 2), maximum)
    }

    /// Light lines across the plot at the given coordinates.
    static func grid(_ writer: inout SVGWriter, plot: PlotArea, horizontal: [Double] = [], vertical: [Double] = []) {
        writer.group(["class": "dw-grid", "stroke": "#e6e6e6", "stroke-width": "1"]) { writer in
            for y in horizontal {
                writer.element(
                    "line", ["x1": .number(plot.x), "x2": .number(plot.maxX), "y1": .number(y), "y2": .number(y)])
            }
            for x in vertical {
                writer.element(
                    "line", ["x1": .number(x), "x2": .number(x), "y1": .number(plot.y), "y2": .number(plot.maxY)])
            }
        }
    }

    /// The vertical axis on the left edge, labels right-aligned beside their ticks.
    static func left(_ writer: inout SVGWriter, plot: PlotArea, ticks: [AxisTick], titles: [String?] = []) {
        writer.group(["class": "dw-axis dw-axis-y", "fill": .text(textColor)]) { writer in
            writer.element(
                "line",
                [
                    "x1": .number(plot.x), "x2": .number(plot.x), "y1": .number(plot.y), "y2": .number(plot.maxY),
                    "stroke": .text(color),
                ])
            for (index, tick) in ticks.enumerated() {
                writer.element(
                    "line",
                    [
                        "x1": .number(plot.x - 4), "x2": .number(plot.x), "y1": .number(tick.position),
                        "y2": .number(tick.position), "stroke": .text(color),
                    ])
                writer.text(
                    tick.label,
                    ["x": .number(plot.x - 6), "y": .number(tick.position + 4), "text-anchor": "end"],
                    title: index < titles.count ? titles[index] : nil)
            }
        }
    }

    /// The horizontal axis on the bottom edge; `rotated` slants labels that would overlap.
    static func bottom(
        _ writer: inout SVGWriter, plot: PlotArea, ticks: [AxisTick], rotated: Bool = false, titles: [String?] = []
    ) {
        writer.group(["class": "dw-axis dw-axis-x", "fill": .text(textColor)]) { writer in
            writer.element(
                "line",
                [
                    "x1": .number(plot.x), "x2": .number(plot.maxX), "y1": .number(plot.maxY),
                    "y2": .number(plot.maxY), "stroke": .text(color),
                ])
            for (index, tick) in ticks.enumerated() {
                writer.element(
                    "line",
                    [
                        "x1": .number(tick.position), "x2": .number(tick.position), "y1": .number(plot.maxY),
                        "y2": .number(plot.maxY + 4), "stroke": .text(color),
                    ])
                let y = plot.maxY + 16
                let title = index < titles.count ? titles[index] : nil
                if rotated {
                    writer.text(
                        tick.label,
                        [
                            "x": .number(tick.position), "y": .number(y - 4), "text-anchor": "end",
                            "transform":
                                "rotate(-40 \(NumberText.coordinate(tick.position)) \(NumberText.coordinate(y - 4)))",
                        ], title: title)
                } else {
                    writer.text(
                        tick.label, ["x": .number(tick.position), "y": .number(y), "text-anchor": "middle"],
                        title: title)
                }
            }
        }
    }

    /// The axis titles from ``ChartOptions/xAxisLabel`` and ``ChartOptions/yAxisLabel``.
    static func titles(_ writer: inout SVGWriter, plot: PlotArea, options: ChartOptions) {
        if let label = options.xAxisLabel {
            writer.text(
                label,
                [
                    "class": "dw-axis-label dw-axis-label-x", "x": .number(plot.x + plot.width / 2),
                    "y": .number(options.canvasHeight - 8), "text-anchor": "middle", "fill": .text(textColor),
                    "font-size": .number(TextMetrics.labelFontSize),
                ])
        }
        if let label = options.yAxisLabel {
            let x = 8 + TextMetrics.labelFontSize
            let y = plot.y + plot.height / 2
            writer.text(
                label,
                [
                    "class": "dw-axis-label dw-axis-label-y", "x": .number(x), "y": .number(y),
                    "text-anchor": "middle", "fill": .text(textColor), "font-size": .number(TextMetrics.labelFontSize),
                    "transform": "rotate(-90 \(NumberText.coordinate(x)) \(NumberText.coordinate(y)))",
                ])
        }
    }

    /// Height of the horizontal tick labels; slanted labels need room for their length.
    static func bottomLabelHeight(longestLabel: Double, rotated: Bool) -> Double {
        rotated ? min(longestLabel * 0.643 + 14, 120) : 16
    }
}
