/// The rectangle inside the axes where data is drawn, in `viewBox` coordinates.
///
/// ```swift
/// let plot = PlotArea(options: options, legendHeight: 18, leftLabelWidth: 30, bottomLabelHeight: 16)
/// plot.y      // top edge, below title and legend
/// plot.maxY   // bottom edge, above the tick labels
/// ```
struct PlotArea {
    let x: Double
    let y: Double
    let width: Double
    let height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }

    /// The plot left after the title, a legend of `legendHeight`, tick labels of
    /// `leftLabelWidth` and `bottomLabelHeight`, axis titles, and `rightPadding`.
    ///
    /// The plot keeps at least 20 units each way so that tiny canvases stay drawable.
    init(
        options: ChartOptions, legendHeight: Double, leftLabelWidth: Double, bottomLabelHeight: Double,
        rightPadding: Double = 16
    ) {
        let top = Self.legendTop(options) + (legendHeight > 0 ? legendHeight + 6 : 0) + 8
        let left = 8 + (options.yAxisLabel == nil ? 0 : 18) + leftLabelWidth + 6
        let bottom = 6 + bottomLabelHeight + (options.xAxisLabel == nil ? 0 : 18) + 4
        x = left
        y = top
        width = max(options.canvasWidth - left - rightPadding, 20)
        height = max(options.canvasHeight - top - bottom, 20)
    }

    /// Where the legend starts: just below the title.
    static func legendTop(_ options: ChartOptions) -> Double {
        8 + (options.showsTitle ? 24 : 0)
    }

    /// Width available to the legend.
    static func legendWidth(_ options: ChartOptions) -> Double {
        options.canvasWidth - 16
    }

    /// A transparent rectangle marking the plot, for stylesheets (a background) and tests.
    func draw(_ writer: inout SVGWriter) {
        writer.element(
            "rect",
            [
                "class": "dw-plot-area", "x": .number(x), "y": .number(y), "width": .number(width),
                "height": .number(height), "fill": "none",
            ])
    }
}
