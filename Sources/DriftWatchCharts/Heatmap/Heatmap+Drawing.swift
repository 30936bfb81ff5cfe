extension Heatmap {
    private static let labelLimit = 24
    private static let keySteps = 10

    func draw(_ grid: [[Double?]], scale: ColorScale, into writer: inout SVGWriter) {
        let rowLabels = rows.map { TextMetrics.truncated($0.label, limit: Self.labelLimit) }
        let keyLabels = keyTicks(scale).map(\.label)
        let keyWidth = 12 + 6 + (keyLabels.map { TextMetrics.width($0) }.max() ?? 0) + 8
        let plot = PlotArea(
            options: options, legendHeight: 0, leftLabelWidth: rowLabels.map { TextMetrics.width($0) }.max() ?? 0,
            bottomLabelHeight: 16, rightPadding: 16 + keyWidth)
        let cellWidth = plot.width / Double(columns.count)
        let cellHeight = plot.height / Double(rows.count)
        // A one-unit gap separates cells, unless cells are so small that gaps would dominate.
        let gap = min(cellWidth, cellHeight) > 4 ? 1.0 : 0

        plot.draw(&writer)
        writer.group(["class": "dw-cells"]) { writer in
            for (rowIndex, row) in grid.enumerated() {
                for (columnIndex, value) in row.enumerated() {
                    let geometry: SVGAttributes = [
                        "x": .number(plot.x + Double(columnIndex) * cellWidth + gap / 2),
                        "y": .number(plot.y + Double(rowIndex) * cellHeight + gap / 2),
                        "width": .number(cellWidth - gap), "height": .number(cellHeight - gap),
                    ]
                    let place = "\(rows[rowIndex].label), \(columns[columnIndex].name)"
                    if let value, let color = scale.color(for: value) {
                        writer.element(
                            "rect",
                            ["class": "dw-cell", "data-value": .exact(value)] + geometry + ["fill": .text(color.hex)],
                            title: "\(place): \(NumberText.readable(value))")
                    } else {
                        writer.element(
                            "rect",
                            ["class": "dw-cell dw-cell-empty"] + geometry + [
                                "fill": "#ffffff", "stroke": "#c8c8c8", "stroke-width": "0.5",
                            ], title: "\(place): no data")
                    }
                }
            }
        }
        drawRowLabels(rowLabels, plot: plot, cellHeight: cellHeight, into: &writer)
        drawColumnLabels(plot: plot, cellWidth: cellWidth, into: &writer)
        Axes.titles(&writer, plot: plot, options: options)
        drawKey(scale, plot: plot, into: &writer)
    }

    private func drawRowLabels(_ labels: [String], plot: PlotArea, cellHeight: Double, into writer: inout SVGWriter) {
        writer.group(["class": "dw-axis dw-axis-y", "fill": .text(Axes.textColor)]) { writer in
            for (index, label) in labels.enumerated() {
                writer.text(
                    label,
                    [
                        "x": .number(plot.x - 6), "y": .number(plot.y + (Double(index) + 0.5) * cellHeight + 4),
                        "text-anchor": "end",
                    ], title: rows[index].label.count > Self.labelLimit ? rows[index].label : nil)
            }
        }
    }

    /// Labels every k-th column, k chosen so that labels do not overlap.
    private func drawColumnLabels(plot: PlotArea, cellWidth: Double, into writer: inout SVGWriter) {
        let widest = (columns.map { TextMetrics.width($0.label) }.max() ?? 0) + 8
        let every = max(Int((widest / max(cellWidth, 0.01)).rounded(.up)), 1)
        writer.group(["class": "dw-axis dw-axis-x", "fill": .text(Axes.textColor)]) { writer in
            for index in stride(from: 0, to: columns.count, by: every) {
                writer.text(
                    columns[index].label,
                    [
                        "x": .number(plot.x + (Double(index) + 0.5) * cellWidth), "y": .number(plot.maxY + 14),
                        "text-anchor": "middle",
                    ], title: columns[index].name == columns[index].label ? nil : columns[index].name)
            }
        }
    }

    /// The values labelled on the colour key: the ends, and the centre of a diverging scale.
    private func keyTicks(_ scale: ColorScale) -> [(value: Double, label: String)] {
        let (low, high) = (scale.domain.lowerBound, scale.domain.upperBound)
        var values = [high, low]
        if case .diverging(let center) = scale.scheme, center > low, center < high { values.insert(center, at: 1) }
        return values.map { ($0, NumberText.readable($0)) }
    }

    /// A vertical key from the highest value (top) to the lowest, in discrete steps so that no
    /// gradient definition and id are needed.
    private func drawKey(_ scale: ColorScale, plot: PlotArea, into writer: inout SVGWriter) {
        let x = plot.maxX + 12
        let stepHeight = plot.height / Double(Self.keySteps)
        let (low, high) = (scale.domain.lowerBound, scale.domain.upperBound)
        let valueScale = LinearScale(domain: low...high, from: plot.maxY, to: plot.y)
        writer.group(["class": "dw-color-key", "fill": .text(Axes.textColor)]) { writer in
            for step in 0..<Self.keySteps {
                let fraction = (Double(Self.keySteps - step) - 0.5) / Double(Self.keySteps)
                let value = low + (high - low) * fraction
                writer.element(
                    "rect",
                    [
                        "x": .number(x), "y": .number(plot.y + Double(step) * stepHeight), "width": "12",
                        "height": .number(stepHeight + 0.5), "fill": .text((scale.color(for: value) ?? .white).hex),
                    ])
            }
            for tick in keyTicks(scale) {
                let y = high > low ? valueScale.position(of: tick.value) : plot.y + plot.height / 2
                writer.text(tick.label, ["x": .number(x + 18), "y": .number(y + 4)])
            }
        }
    }
}
