/// The `<svg>` root every chart shares: sizing, accessible name and description, title,
/// and the placeholder shown when there is no data.
///
/// ```swift
/// let document = ChartDocument(kind: "bar-chart", title: "Top segments", summary: "3 bars", options: options)
/// let svg = document.render { writer in writer.element("rect", ["width": "10", "height": "10"]) }
/// ```
struct ChartDocument {
    /// Names the chart type in the root's CSS class, e.g. `dw-line-chart`.
    let kind: String
    let title: String
    /// The generated description; ``ChartOptions/summary`` takes precedence.
    let summary: String
    let options: ChartOptions

    /// Room the title takes at the top of the canvas.
    var titleHeight: Double { options.showsTitle ? 24 : 0 }

    /// The complete document with `body` drawn after the title.
    func render(_ body: (inout SVGWriter) -> Void) -> String {
        render(description: options.summary ?? summary, extraClass: nil, body)
    }

    /// A document that says there is nothing to show, instead of an empty or broken plot.
    func placeholder() -> String {
        render(description: options.emptyMessage, extraClass: "dw-no-data") { writer in
            let top = 4 + titleHeight
            let width = options.canvasWidth - 8
            let height = max(options.canvasHeight - top - 4, 8)
            writer.element(
                "rect",
                [
                    "class": "dw-empty", "x": "4", "y": .number(top), "width": .number(width),
                    "height": .number(height), "rx": "4", "fill": "#f7f7f7", "stroke": "#bdbdbd",
                    "stroke-dasharray": "4 3",
                ])
            writer.text(
                options.emptyMessage,
                [
                    "class": "dw-empty-message", "x": .number(4 + width / 2), "y": .number(top + height / 2 + 4),
                    "text-anchor": "middle", "fill": "#595959",
                    "font-size": .number(messageFontSize(width: width, height: height)),
                ])
        }
    }

    /// The label size, shrunk so the message fits a sparkline-sized box.
    private func messageFontSize(width: Double, height: Double) -> Double {
        let fitting = (width - 8) / (Double(max(options.emptyMessage.count, 1)) * 0.6)
        return max(min(TextMetrics.labelFontSize, height - 4, fitting), 5)
    }

    private func render(description: String, extraClass: String?, _ body: (inout SVGWriter) -> Void) -> String {
        let id = resolvedID(description: description)
        let width = options.canvasWidth
        let height = options.canvasHeight
        var root: SVGAttributes = [
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": "0 0 \(NumberText.coordinate(width)) \(NumberText.coordinate(height))",
        ]
        switch options.sizing {
        case .responsive: root = root + ["width": "100%"]
        case .fixed: root = root + ["width": .number(width), "height": .number(height)]
        }
        root =
            root + [
                "preserveAspectRatio": "xMidYMid meet", "role": "img",
                "aria-labelledby": "\(id)-title \(id)-desc",
                "class": .text(["dw-chart", "dw-" + kind, extraClass].compactMap { $0 }.joined(separator: " ")),
                "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                "font-size": .number(TextMetrics.tickFontSize),
            ]
        var writer = SVGWriter()
        writer.open("svg", root)
        writer.textElement("title", title, ["id": "\(id)-title"])
        writer.textElement("desc", description, ["id": "\(id)-desc"])
        if options.showsTitle {
            writer.text(
                title,
                [
                    "class": "dw-title", "x": "8", "y": "20", "font-size": .number(TextMetrics.titleFontSize),
                    "font-weight": "600", "fill": "#222222",
                ])
        }
        body(&writer)
        writer.close("svg")
        return writer.output
    }

    /// ``ChartOptions/id`` reduced to characters valid in an XML id, or an FNV-1a hash of
    /// what the chart shows, so the same chart always gets the same id.
    private func resolvedID(description: String) -> String {
        if let id = options.id {
            let letters: [ClosedRange<Unicode.Scalar>] = ["a"..."z", "A"..."Z"]
            let allowed = letters + ["0"..."9", "-"..."-", "_"..."_"]
            let cleaned = String(id.unicodeScalars.filter { scalar in allowed.contains { $0.contains(scalar) } })
            if let first = cleaned.unicodeScalars.first {
                // An XML id must start with a letter (or underscore).
                return letters.contains { $0.contains(first) } ? cleaned : "dw-" + cleaned
            }
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (kind + "\u{1F}" + title + "\u{1F}" + description).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return "dw-" + String(hash, radix: 16)
    }
}
