/// A position in `viewBox` coordinates.
struct Point {
    var x: Double
    var y: Double
}

/// Builds the `d` attribute of `<path>` elements.
///
/// ```swift
/// PathData.line([Point(x: 0, y: 10), Point(x: 5, y: 8), nil, Point(x: 15, y: 2)])
/// // "M0,10L5,8M15,2h0"
/// ```
enum PathData {
    /// A polyline that lifts the pen at every `nil`, so missing values show as gaps.
    ///
    /// A run of one point gets a zero-length `h0` segment, which round line caps draw as a
    /// dot; otherwise an isolated value between two gaps would vanish.
    static func line(_ points: [Point?]) -> String {
        var path = ""
        var runLength = 0
        for point in points {
            guard let point else {
                if runLength == 1 { path += "h0" }
                runLength = 0
                continue
            }
            path += (runLength == 0 ? "M" : "L") + pair(point)
            runLength += 1
        }
        if runLength == 1 { path += "h0" }
        return path
    }

    /// Closed shapes between an upper and a lower edge, one per run of non-`nil` entries,
    /// for bands around a line.
    static func area(_ columns: [(x: Double, upper: Double, lower: Double)?]) -> String {
        var path = ""
        var run: [(x: Double, upper: Double, lower: Double)] = []
        func flush() {
            guard !run.isEmpty else { return }
            let outline = run.map { Point(x: $0.x, y: $0.upper) } + run.reversed().map { Point(x: $0.x, y: $0.lower) }
            path += polygon(outline)
            run.removeAll()
        }
        for column in columns {
            if let column { run.append(column) } else { flush() }
        }
        flush()
        return path
    }

    /// A closed polygon through `points`.
    static func polygon(_ points: [Point]) -> String {
        guard let first = points.first else { return "" }
        return "M" + pair(first) + points.dropFirst().map { "L" + pair($0) }.joined() + "Z"
    }

    private static func pair(_ point: Point) -> String {
        NumberText.coordinate(point.x) + "," + NumberText.coordinate(point.y)
    }
}
