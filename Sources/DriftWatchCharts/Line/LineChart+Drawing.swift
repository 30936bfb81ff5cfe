import Foundation

extension LineChart {
    /// Neutral grey keeps the band and thresholds from reading as another series.
    private static let referenceColor = RGBColor(hex: 0x4D4D4D)
    private static let bandColor = RGBColor(hex: 0x8C8C8C)
    static let forecastDash = "4 4"

    /// Draws the plot, back to front: grid, band, thresholds, intervals, lines, markers,
    /// axes, then labels and legend on top.
    func draw(_ data: LinePlotData, into writer: inout SVGWriter) {
        let legend = Legend(entries: legendEntries(data))
        let legendHeight = legend.height(width: PlotArea.legendWidth(options))
        let estimatedHeight = options.canvasHeight - PlotArea.legendTop(options) - legendHeight - 40
        let ticks = NiceTicks(
            lower: data.valueExtent.lower, upper: data.valueExtent.upper,
            targetCount: Axes.tickCount(length: estimatedHeight, spacing: 40), extent: options.extent)
        let labels = ticks.values.map(ticks.label(for:))
        let plot = PlotArea(
            options: options, legendHeight: legendHeight,
            leftLabelWidth: labels.map { TextMetrics.width($0) }.max() ?? 0, bottomLabelHeight: 16)
        let scales = Scales(
            x: TimeScale(domain: data.timeDomain, from: plot.x, to: plot.maxX),
            y: LinearScale(domain: ticks.domain, from: plot.maxY, to: plot.y))

        plot.draw(&writer)
        let yTicks = zip(ticks.values, labels).map { AxisTick(position: scales.y.position(of: $0), label: $1) }
        Axes.grid(&writer, plot: plot, horizontal: yTicks.map(\.position))
        if let band = data.band { drawBand(band, plot: plot, scales: scales, into: &writer) }
        drawThresholdLines(data.thresholds, plot: plot, scales: scales, into: &writer)
        for series in data.series {
            drawForecastInterval(series, scales: scales, into: &writer)
        }
        for series in data.series {
            drawSeries(series, scales: scales, into: &writer)
        }
        let xTicks = scales.x.ticks(targetCount: Axes.tickCount(length: plot.width, spacing: 90, maximum: 10))
            .map { AxisTick(position: scales.x.position(of: $0.date), label: $0.label) }
        Axes.left(&writer, plot: plot, ticks: yTicks)
        Axes.bottom(&writer, plot: plot, ticks: xTicks)
        Axes.titles(&writer, plot: plot, options: options)
        drawThresholdLabels(data.thresholds, plot: plot, scales: scales, into: &writer)
        legend.draw(&writer, x: 8, y: PlotArea.legendTop(options), width: PlotArea.legendWidth(options))
    }

    /// Where dates and values go in the plot.
    struct Scales {
        let x: TimeScale
        let y: LinearScale

        func point(_ date: Date, _ value: Double) -> Point {
            Point(x: x.position(of: date), y: y.position(of: value))
        }
    }

    private func legendEntries(_ data: LinePlotData) -> [LegendEntry] {
        let hasForecast = data.series.contains { !$0.forecast.isEmpty }
        guard data.series.count > 1 || data.band != nil || hasForecast else { return [] }
        var entries: [LegendEntry] = []
        for series in data.series {
            entries.append(
                LegendEntry(
                    label: series.name, swatch: .line(series.style, marker: showsMarkers(series)),
                    cssClass: series.style.cssClass))
            if !series.forecast.isEmpty {
                entries.append(
                    LegendEntry(
                        label: "\(series.name) \(series.forecastLabel)",
                        swatch: .stroke(series.style.color, dash: Self.forecastDash), cssClass: series.style.cssClass))
            }
        }
        if let band = data.band {
            entries.append(
                LegendEntry(label: band.label, swatch: .area(Self.bandColor, opacity: 0.25), cssClass: "dw-legend-band")
            )
        }
        return entries
    }

    func showsMarkers(_ series: LinePlotData.Series) -> Bool {
        switch markers {
        case .automatic: series.points.count <= 60
        case .visible: true
        case .hidden: false
        }
    }

    private func drawBand(_ band: AcceptanceBand, plot: PlotArea, scales: Scales, into writer: inout SVGWriter) {
        let style: SVGAttributes = ["fill": .text(Self.bandColor.hex), "fill-opacity": "0.25"]
        switch band.bounds {
        case .constant(let lower, let upper):
            let top = scales.y.position(of: max(lower, upper))
            let bottom = scales.y.position(of: min(lower, upper))
            let title = "\(band.label): \(NumberText.readable(lower)) to \(NumberText.readable(upper))"
            writer.element(
                "rect",
                ["class": "dw-band"]
                    + [
                        "x": .number(plot.x), "y": .number(top), "width": .number(plot.width),
                        "height": .number(bottom - top),
                    ] + style, title: title)
        case .varying(let points):
            let columns = points.map { point -> (x: Double, upper: Double, lower: Double)? in
                guard let lower = point.lower, let upper = point.upper else { return nil }
                return (scales.x.position(of: point.date), scales.y.position(of: upper), scales.y.position(of: lower))
            }
            writer.element(
                "path", ["class": "dw-band", "d": .text(PathData.area(columns))] + style, title: band.label)
        }
    }

    private func drawThresholdLines(
        _ thresholds: [ThresholdLine], plot: PlotArea, scales: Scales, into writer: inout SVGWriter
    ) {
        for threshold in thresholds {
            let y = scales.y.position(of: threshold.value)
            writer.element(
                "line",
                [
                    "class": "dw-threshold", "data-value": .exact(threshold.value), "x1": .number(plot.x),
                    "x2": .number(plot.maxX), "y1": .number(y), "y2": .number(y),
                    "stroke": .text(Self.referenceColor.hex), "stroke-width": "1.5", "stroke-dasharray": "5 3",
                ], title: "\(threshold.label): \(NumberText.readable(threshold.value))")
        }
    }

    private func drawThresholdLabels(
        _ thresholds: [ThresholdLine], plot: PlotArea, scales: Scales, into writer: inout SVGWriter
    ) {
        for threshold in thresholds {
            writer.text(
                "\(threshold.label) \(NumberText.readable(threshold.value))",
                [
                    "class": "dw-threshold-label", "x": .number(plot.maxX - 4),
                    "y": .number(scales.y.position(of: threshold.value) - 4), "text-anchor": "end",
                    "fill": .text(Self.referenceColor.hex),
                ])
        }
    }
}
