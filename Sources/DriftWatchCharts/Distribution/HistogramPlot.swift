/// The drawing behind ``DistributionOverlay``: histograms on shared bins, as bars or steps.
struct HistogramPlot {
    struct Side {
        let style: DistributionSide
        let label: String
        /// One value per entry of `bins.bins`.
        let values: [Double?]
    }

    let bins: HistogramBins
    let sides: [Side]
    let steps: Bool
    let format: ValueFormat

    /// E.g. "Histogram of reference against current from 18 to 75 in 5 bins. Largest difference
    /// in 50 to 65: reference 19%, current 31%. 18 to 25: reference 12%, current 10%; …"
    var summary: String {
        let names = sides.map(\.label).joined(separator: " against ")
        var text =
            "Histogram of \(names) from \(bins.rangeDescription) in " + Wording.count(bins.bins.count, "bin") + "."
        if sides.count == 2 {
            let differences = bins.bins.indices.compactMap { index -> (index: Int, size: Double)? in
                guard let a = sides[0].values[index], let b = sides[1].values[index] else { return nil }
                return (index, abs(a - b))
            }
            if let largest = differences.max(by: { $0.size < $1.size }), largest.size > 0 {
                text += " Largest difference in \(bins.bins[largest.index].name): " + shares(at: largest.index) + "."
            }
        }
        let listed = bins.bins.indices.prefix(20).map { "\(bins.bins[$0].name): " + shares(at: $0) }
        text += " " + listed.joined(separator: "; ")
        if bins.bins.count > listed.count { text += "; and \(bins.bins.count - listed.count) more bins" }
        return text + "."
    }

    private func shares(at index: Int) -> String {
        sides.map { "\($0.label) " + ($0.values[index].map(format.text) ?? "none") }.joined(separator: ", ")
    }

    func draw(into writer: inout SVGWriter, options: ChartOptions) {
        let legend = Legend(entries: sides.map { $0.style.legendEntry(label: $0.label, asLine: steps) })
        let legendHeight = legend.height(width: PlotArea.legendWidth(options))
        let values = sides.flatMap { $0.values.compactMap { $0 } }
        let axis = ValueAxis(
            lower: min(values.min() ?? 0, 0), upper: max(values.max() ?? 1, 0),
            targetCount: Axes.tickCount(length: options.canvasHeight - legendHeight - 100, spacing: 40),
            extent: options.extent, format: format)
        let plot = PlotArea(
            options: options, legendHeight: legendHeight, leftLabelWidth: axis.labelWidth, bottomLabelHeight: 16)
        let y = LinearScale(domain: axis.domain, from: plot.maxY, to: plot.y)
        let x = LinearScale(domain: bins.extent, from: plot.x, to: plot.maxX)
        let xTicks = NiceTicks(
            lower: bins.extent.lowerBound, upper: bins.extent.upperBound,
            targetCount: Axes.tickCount(length: plot.width, spacing: 80, maximum: 10), extent: .tight)

        plot.draw(&writer)
        let yAxis = axis.axisTicks(y)
        Axes.grid(&writer, plot: plot, horizontal: yAxis.map(\.position))
        for side in sides {
            drawSide(side, into: &writer, x: x, y: y)
        }
        Axes.left(&writer, plot: plot, ticks: yAxis)
        Axes.bottom(
            &writer, plot: plot,
            ticks: xTicks.values.map { AxisTick(position: x.position(of: $0), label: xTicks.label(for: $0)) })
        Axes.titles(&writer, plot: plot, options: options)
        legend.draw(&writer, x: 8, y: PlotArea.legendTop(options), width: PlotArea.legendWidth(options))
    }

    private func drawSide(_ side: Side, into writer: inout SVGWriter, x: LinearScale, y: LinearScale) {
        let color = side.style.color.hex
        let baseline = y.position(of: 0)
        writer.group(["class": .text("dw-series \(side.style.cssClass)"), "data-series": .text(side.label)]) { writer in
            if steps {
                writer.element(
                    "path",
                    [
                        "class": "dw-step", "d": .text(stepPath(side.values, x: x, y: y)), "fill": "none",
                        "stroke": .text(color), "stroke-width": "2",
                        "stroke-dasharray": side.style.dash.map(SVGValue.text),
                    ])
            }
            // With steps the outline carries the shape, and the bars stay as invisible hover targets.
            let style: SVGAttributes =
                steps
                ? ["fill": .text(color), "fill-opacity": "0"]
                : [
                    "fill": .text(color), "fill-opacity": .number(DistributionSide.opacity), "stroke": .text(color),
                    "stroke-width": "1.5", "stroke-dasharray": side.style.dash.map(SVGValue.text),
                ]
            for (bin, value) in zip(bins.bins, side.values) {
                guard let value else { continue }
                let left = x.position(of: bin.lower)
                let top = y.position(of: value)
                writer.element(
                    "rect",
                    [
                        "class": "dw-bar", "data-value": .exact(value), "data-bin": .text(String(bin.index)),
                        "x": .number(left), "y": .number(min(top, baseline)),
                        "width": .number(x.position(of: bin.upper) - left), "height": .number(abs(baseline - top)),
                    ] + style, title: "\(side.label), \(bin.name): \(format.text(value))")
            }
        }
    }

    /// The outline of a histogram: up each bin's left edge, across its top, down after the
    /// last bin of every run of adjacent bins with values.
    private func stepPath(_ values: [Double?], x: LinearScale, y: LinearScale) -> String {
        let baseline = NumberText.coordinate(y.position(of: 0))
        var path = ""
        var previousUpper: Double?
        for (bin, value) in zip(bins.bins, values) {
            guard let value else {
                if previousUpper != nil { path += "V" + baseline }
                previousUpper = nil
                continue
            }
            if previousUpper != bin.lower {
                if previousUpper != nil { path += "V" + baseline }
                path += "M" + NumberText.coordinate(x.position(of: bin.lower)) + "," + baseline
            }
            path += "V" + NumberText.coordinate(y.position(of: value))
            path += "H" + NumberText.coordinate(x.position(of: bin.upper))
            previousUpper = bin.upper
        }
        if previousUpper != nil { path += "V" + baseline }
        return path
    }
}
