/// One entry of a ``Legend``: a small sample of how something is drawn, and its name.
struct LegendEntry {
    /// How the sample is drawn.
    enum Swatch {
        /// A line in the series' dash pattern, with its marker when the chart shows markers.
        case line(SeriesStyle, marker: Bool)
        /// A line with its own colour and dash, for forecasts and thresholds.
        case stroke(RGBColor, dash: String?)
        /// A translucent patch, for bands.
        case area(RGBColor, opacity: Double)
        /// A bar: translucent fill with an outline in the given dash pattern.
        case bar(RGBColor, opacity: Double, dash: String?)
        /// A marker alone, for scatter plot groups.
        case marker(SeriesStyle)
    }

    let label: String
    let swatch: Swatch
    /// The CSS class of the entry, e.g. `dw-series-1`, so that themes restyle both together.
    let cssClass: String?
}

/// A row (or rows) of legend entries that wraps to the available width.
///
/// ```swift
/// let style = SeriesStyle(index: 0)
/// let legend = Legend(entries: [LegendEntry(label: "p50", swatch: .line(style, marker: true), cssClass: style.cssClass)])
/// let height = legend.height(width: 600)
/// legend.draw(&writer, x: 8, y: 32, width: 600)
/// ```
struct Legend {
    let entries: [LegendEntry]

    static let rowHeight = 18.0
    private static let swatchWidth = 22.0

    /// The height the legend takes at `width`, zero when it has no entries.
    func height(width: Double) -> Double {
        Double(layout(width: width).last.map { $0.row + 1 } ?? 0) * Self.rowHeight
    }

    func draw(_ writer: inout SVGWriter, x: Double, y: Double, width: Double) {
        guard !entries.isEmpty else { return }
        writer.group(["class": "dw-legend", "fill": "#333333"]) { writer in
            for item in layout(width: width) {
                let left = x + item.offset
                let middle = y + Double(item.row) * Self.rowHeight + Self.rowHeight / 2
                let classes = ["dw-legend-item", item.entry.cssClass].compactMap { $0 }.joined(separator: " ")
                writer.group(["class": .text(classes)]) { writer in
                    drawSwatch(item.entry.swatch, &writer, x: left, y: middle)
                    writer.text(
                        TextMetrics.truncated(item.entry.label, limit: 32),
                        ["x": .number(left + Self.swatchWidth + 4), "y": .number(middle + 4)],
                        title: item.entry.label.count > 32 ? item.entry.label : nil)
                }
            }
        }
    }

    private func layout(width: Double) -> [(entry: LegendEntry, offset: Double, row: Int)] {
        var items: [(entry: LegendEntry, offset: Double, row: Int)] = []
        var offset = 0.0
        var row = 0
        for entry in entries {
            let label = TextMetrics.truncated(entry.label, limit: 32)
            let entryWidth = Self.swatchWidth + 4 + TextMetrics.width(label) + 14
            if offset > 0, offset + entryWidth > width {
                row += 1
                offset = 0
            }
            items.append((entry, offset, row))
            offset += entryWidth
        }
        return items
    }

    private func drawSwatch(_ swatch: LegendEntry.Swatch, _ writer: inout SVGWriter, x: Double, y: Double) {
        let end = x + Self.swatchWidth
        switch swatch {
        case .line(let style, let marker):
            strokeSample(&writer, x: x, end: end, y: y, color: style.color, dash: style.dash)
            if marker {
                style.shape.draw(
                    &writer, at: Point(x: x + Self.swatchWidth / 2, y: y), radius: 3,
                    attributes: ["fill": .text(style.color.hex)], title: nil)
            }
        case .stroke(let color, let dash):
            strokeSample(&writer, x: x, end: end, y: y, color: color, dash: dash)
        case .area(let color, let opacity):
            writer.element(
                "rect",
                [
                    "x": .number(x), "y": .number(y - 6), "width": .number(Self.swatchWidth), "height": "12",
                    "fill": .text(color.hex), "fill-opacity": .number(opacity),
                ])
        case .bar(let color, let opacity, let dash):
            writer.element(
                "rect",
                [
                    "x": .number(x + 3), "y": .number(y - 6), "width": .number(Self.swatchWidth - 6), "height": "12",
                    "fill": .text(color.hex), "fill-opacity": .number(opacity), "stroke": .text(color.hex),
                    "stroke-width": "1.5", "stroke-dasharray": dash.map(SVGValue.text),
                ])
        case .marker(let style):
            style.shape.draw(
                &writer, at: Point(x: x + Self.swatchWidth / 2, y: y), radius: 4,
                attributes: ["fill": .text(style.color.hex)], title: nil)
        }
    }

    private func strokeSample(
        _ writer: inout SVGWriter, x: Double, end: Double, y: Double, color: RGBColor, dash: String?
    ) {
        writer.element(
            "line",
            [
                "x1": .number(x), "x2": .number(end), "y1": .number(y), "y2": .number(y), "stroke": .text(color.hex),
                "stroke-width": "2", "stroke-dasharray": dash.map(SVGValue.text),
            ])
    }
}
