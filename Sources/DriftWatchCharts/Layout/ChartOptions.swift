/// Size, labels and accessibility text shared by every chart.
///
/// ```swift
/// var options = ChartOptions(width: 800, height: 240)
/// options.yAxisLabel = "inferences / min"
/// let svg = LineChart(title: "Traffic", series: series, options: options).svg()
/// ```
public struct ChartOptions: Sendable, Hashable {
    /// How the `<svg>` element sizes itself on the page.
    public enum Sizing: Sendable, Hashable {
        /// `width="100%"` with the height following the `viewBox` aspect ratio, so the chart
        /// fills its container in dashboards and printed reports alike.
        case responsive
        /// `width` and `height` in CSS pixels, for table cells and e-mails.
        case fixed
    }

    /// Width of the drawing in user units (the `viewBox`); the default is 640.
    public var width: Double
    /// Height of the drawing in user units (the `viewBox`); the default is 300.
    public var height: Double
    /// Whether the chart stretches to its container or keeps its size in pixels.
    public var sizing: Sizing
    /// Whether the title is drawn; it is always the accessible name in `<title>`.
    public var showsTitle: Bool
    /// Replaces the generated `<desc>` when the page can describe the chart better.
    public var summary: String?
    /// Text under the horizontal axis, e.g. `"time (UTC)"`.
    public var xAxisLabel: String?
    /// Text beside the vertical axis, e.g. `"PSI"`.
    public var yAxisLabel: String?
    /// Whether value axes end on round tick values or at the data's extremes.
    public var extent: AxisExtent
    /// Shown instead of the chart when there is nothing to draw.
    public var emptyMessage: String
    /// Prefix of the ids that tie `<title>` and `<desc>` to `aria-labelledby`.
    ///
    /// Ids must be unique within the page; without one, an id is derived from the chart's
    /// kind, title and description, so identical charts share it and different ones do not.
    public var id: String?

    /// Options with the defaults above; every parameter can also be set afterwards.
    ///
    /// ```swift
    /// let options = ChartOptions(width: 480, height: 200, yAxisLabel: "accuracy")
    /// ```
    public init(
        width: Double = 640, height: Double = 300, sizing: Sizing = .responsive, showsTitle: Bool = true,
        summary: String? = nil, xAxisLabel: String? = nil, yAxisLabel: String? = nil, extent: AxisExtent = .nice,
        emptyMessage: String = "No data in this window", id: String? = nil
    ) {
        self.width = width
        self.height = height
        self.sizing = sizing
        self.showsTitle = showsTitle
        self.summary = summary
        self.xAxisLabel = xAxisLabel
        self.yAxisLabel = yAxisLabel
        self.extent = extent
        self.emptyMessage = emptyMessage
        self.id = id
    }

    /// The width actually used: a non-finite or tiny width would give an unreadable chart
    /// or a `viewBox` that browsers reject.
    var canvasWidth: Double { width.isFinite ? min(max(width, 60), 10_000) : 640 }
    /// The height actually used, bounded like ``canvasWidth``.
    var canvasHeight: Double { height.isFinite ? min(max(height, 20), 10_000) : 300 }
}

/// Where a linear value axis starts and ends.
///
/// ```swift
/// let options = ChartOptions(extent: .tight)  // the largest value touches the top edge
/// ```
public enum AxisExtent: Sendable, Hashable {
    /// The axis is widened to the nearest round ticks around the data (0…97 shows 0…100).
    case nice
    /// The axis spans exactly the data; ticks are the round values inside it.
    case tight
}
