/// Widths of the charts' drawings, in SVG user units, by the space they get on a wide screen:
/// a chart stretches to its card, so a drawing about as wide as the card keeps its text near
/// its natural size instead of magnified.
enum DashboardChartWidth {
    /// A card across the page.
    static let full = 1000.0
    /// Two thirds of the page.
    static let twoThirds = 720.0
    /// Half the page.
    static let half = 560.0
    /// One chart of a grid of small ones.
    static let small = 420.0
}
