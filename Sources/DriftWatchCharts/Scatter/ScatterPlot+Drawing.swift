extension ScatterPlot {
    func draw(_ points: [ScatterPoint], groups: [String], into writer: inout SVGWriter) {
        let styles = groups.indices.map { SeriesStyle(index: $0, palette: palette) }
        let named = groups.count > 1 || groups.first?.isEmpty == false
        let legend = Legend(
            entries: named
                ? zip(groups, styles).map { LegendEntry(label: $0, swatch: .marker($1), cssClass: $1.cssClass) } : [])
        let legendHeight = legend.height(width: PlotArea.legendWidth(options))
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        let yTicks = NiceTicks(
            lower: ys.min() ?? 0, upper: ys.max() ?? 1,
            targetCount: Axes.tickCount(length: options.canvasHeight - legendHeight - 100, spacing: 40),
            extent: options.extent)
        let yLabels = yTicks.values.map(yTicks.label(for:))
        let plot = PlotArea(
            options: options, legendHeight: legendHeight,
            leftLabelWidth: yLabels.map { TextMetrics.width($0) }.max() ?? 0, bottomLabelHeight: 16)
        let xTicks = NiceTicks(
            lower: xs.min() ?? 0, upper: xs.max() ?? 1,
            targetCount: Axes.tickCount(length: plot.width, spacing: 80, maximum: 10), extent: options.extent)
        let x = LinearScale(domain: xTicks.domain, from: plot.x, to: plot.maxX)
        let y = LinearScale(domain: yTicks.domain, from: plot.maxY, to: plot.y)
        let yAxis = zip(yTicks.values, yLabels).map { AxisTick(position: y.position(of: $0), label: $1) }
        let xAxis = xTicks.values.map { AxisTick(position: x.position(of: $0), label: xTicks.label(for: $0)) }

        plot.draw(&writer)
        Axes.grid(&writer, plot: plot, horizontal: yAxis.map(\.position), vertical: xAxis.map(\.position))
        for (group, style) in zip(groups, styles) {
            writer.group(["class": .text("dw-series \(style.cssClass)"), "data-series": .text(group)]) { writer in
                for point in points where point.group == group {
                    let label = "\(xName) \(NumberText.readable(point.x)), \(yName) \(NumberText.readable(point.y))"
                    style.shape.draw(
                        &writer, at: Point(x: x.position(of: point.x), y: y.position(of: point.y)), radius: 3.5,
                        attributes: [
                            "class": "dw-point", "data-value": .exact(point.y), "data-x": .exact(point.x),
                            "data-group": .text(group), "fill": .text(style.color.hex), "fill-opacity": "0.8",
                        ], title: group.isEmpty ? label : "\(group): \(label)")
                }
            }
        }
        Axes.left(&writer, plot: plot, ticks: yAxis)
        Axes.bottom(&writer, plot: plot, ticks: xAxis)
        Axes.titles(&writer, plot: plot, options: options)
        legend.draw(&writer, x: 8, y: PlotArea.legendTop(options), width: PlotArea.legendWidth(options))
    }
}
