/// Which way the bars of a bar chart grow.
///
/// ```swift
/// BarChart(title: "Top segments", bars: bars, orientation: .horizontal)
/// ```
public enum BarOrientation: Sendable, Hashable {
    /// Bars grow rightwards from category labels on the left; suits long names and rankings.
    case horizontal
    /// Bars grow upwards from category labels along the bottom.
    case vertical
}
