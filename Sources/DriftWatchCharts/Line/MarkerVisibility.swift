/// Whether a line chart marks each data point.
///
/// ```swift
/// let chart = LineChart(title: "PSI", series: series, markers: .visible)
/// ```
public enum MarkerVisibility: Sendable, Hashable {
    /// Visible markers up to 60 points per series, invisible hover targets beyond, where
    /// markers would merge into a thick line.
    case automatic
    /// Every point has a visible marker.
    case visible
    /// Points are invisible but still carry their tooltip, so hovering shows values.
    case hidden
}
