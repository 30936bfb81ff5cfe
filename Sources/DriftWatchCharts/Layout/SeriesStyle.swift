/// How the series, group or distribution at an index is drawn: colour, dash pattern and
/// marker shape all change with the index, so series stay apart in greyscale print and for
/// readers who cannot tell the colours apart.
///
/// ```swift
/// let second = SeriesStyle(index: 1)
/// second.color.hex   // "#d55e00"
/// second.dash        // "6 3"
/// second.shape       // .square
/// ```
struct SeriesStyle {
    let index: Int
    let color: RGBColor
    /// A `stroke-dasharray`, or `nil` for a solid line.
    let dash: String?
    let shape: MarkerShape

    init(index: Int, palette: Palette = .okabeIto) {
        self.index = index
        color = palette.color(at: index)
        dash = Self.dashes[index % Self.dashes.count]
        shape = MarkerShape.allCases[index % MarkerShape.allCases.count]
    }

    /// `dw-series-N`, the hook for page stylesheets.
    var cssClass: String { "dw-series-\(index)" }

    private static let dashes: [String?] = [nil, "6 3", "2 3", "8 3 2 3", "12 4"]
}

/// The shape of a data point marker.
enum MarkerShape: CaseIterable {
    case circle
    case square
    case triangle
    case diamond
    case invertedTriangle

    /// Draws the marker centred on `point`, about `radius` across each way from its centre.
    ///
    /// Circles are `<circle>` elements so their centre can be read back from `cx`/`cy`;
    /// other shapes are `<rect>` or `<path>`.
    func draw(
        _ writer: inout SVGWriter, at point: Point, radius: Double, attributes: SVGAttributes, title: String?
    ) {
        let (x, y, r) = (point.x, point.y, radius)
        switch self {
        case .circle:
            writer.element("circle", attributes + ["cx": .number(x), "cy": .number(y), "r": .number(r)], title: title)
        case .square:
            let side = r * 1.8
            writer.element(
                "rect",
                attributes + [
                    "x": .number(x - side / 2), "y": .number(y - side / 2), "width": .number(side),
                    "height": .number(side),
                ], title: title)
        case .triangle:
            let points = [
                Point(x: x, y: y - 1.3 * r), Point(x: x + 1.15 * r, y: y + 0.7 * r),
                Point(x: x - 1.15 * r, y: y + 0.7 * r),
            ]
            writer.element("path", attributes + ["d": .text(PathData.polygon(points))], title: title)
        case .diamond:
            let d = 1.3 * r
            let points = [Point(x: x, y: y - d), Point(x: x + d, y: y), Point(x: x, y: y + d), Point(x: x - d, y: y)]
            writer.element("path", attributes + ["d": .text(PathData.polygon(points))], title: title)
        case .invertedTriangle:
            let points = [
                Point(x: x, y: y + 1.3 * r), Point(x: x + 1.15 * r, y: y - 0.7 * r),
                Point(x: x - 1.15 * r, y: y - 0.7 * r),
            ]
            writer.element("path", attributes + ["d": .text(PathData.polygon(points))], title: title)
        }
    }
}
