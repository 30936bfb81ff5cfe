/// A word-sized line without axes for tables of features, with the last value marked.
///
/// Values are spaced evenly left to right; `nil`, NaN and infinities leave gaps. The last
/// finite value is a mark with `data-value` and a tooltip, so the table cell can be hovered.
///
/// ```swift
/// let cell = Sparkline(label: "PSI of age", values: [0.02, 0.03, nil, 0.11, 0.24]).svg()
/// ```
public struct Sparkline: Sendable {
    /// The accessible name, e.g. "PSI of age over 24 hours".
    public var label: String
    /// The values, oldest first.
    public var values: [Double?]
    /// Width in pixels; sparklines keep a fixed size so table rows line up.
    public var width: Double
    /// Height in pixels.
    public var height: Double
    /// The line's colour.
    public var color: RGBColor

    /// A sparkline of `values`.
    ///
    /// ```swift
    /// Sparkline(label: "accuracy", values: history, width: 160, height: 32)
    /// ```
    public init(
        label: String, values: [Double?], width: Double = 120, height: Double = 28,
        color: RGBColor = Palette.okabeIto.color(at: 0)
    ) {
        self.label = label
        self.values = values
        self.width = width
        self.height = height
        self.color = color
    }

    /// The sparkline as a fixed-size `<svg>` element, or a small "No data" box when no
    /// value is finite.
    ///
    /// ```swift
    /// let markup = sparkline.svg()
    /// ```
    public func svg() -> String {
        let options = ChartOptions(width: width, height: height, sizing: .fixed, showsTitle: false)
        let finite = values.map { $0.flatMap { $0.isFinite ? $0 : nil } }
        let present = finite.compactMap { $0 }
        guard let low = present.min(), let high = present.max(), let last = present.last,
            let lastIndex = finite.lastIndex(where: { $0 != nil })
        else {
            return ChartDocument(kind: "sparkline", title: label, summary: "", options: options).placeholder()
        }
        let stats =
            "min \(NumberText.readable(low)), max \(NumberText.readable(high)), last \(NumberText.readable(last))"
        let summary = "Sparkline of \(label): " + Wording.count(present.count, "value") + ", " + stats + "."
        let document = ChartDocument(kind: "sparkline", title: label, summary: summary, options: options)
        return document.render { writer in
            // Inset by the marker's radius so the last point is not clipped at the edge.
            let inset = 3.0
            let count = finite.count
            let x = LinearScale(
                domain: 0...Double(max(count - 1, 1)), from: inset, to: options.canvasWidth - inset)
            let y = LinearScale(domain: low...high, from: options.canvasHeight - inset, to: inset)
            func point(_ index: Int, _ value: Double) -> Point {
                Point(x: count == 1 ? options.canvasWidth / 2 : x.position(of: Double(index)), y: y.position(of: value))
            }
            let line = finite.enumerated().map { index, value in value.map { point(index, $0) } }
            writer.element(
                "path",
                [
                    "class": "dw-line dw-series-0", "d": .text(PathData.line(line)), "fill": "none",
                    "stroke": .text(color.hex), "stroke-width": "1.5", "stroke-linejoin": "round",
                    "stroke-linecap": "round",
                ], title: "\(label): \(stats)")
            let end = point(lastIndex, last)
            writer.element(
                "circle",
                [
                    "class": "dw-point dw-last", "data-value": .exact(last), "cx": .number(end.x), "cy": .number(end.y),
                    "r": "2.5", "fill": .text(color.hex),
                ], title: "\(label), last: \(NumberText.readable(last))")
        }
    }
}
