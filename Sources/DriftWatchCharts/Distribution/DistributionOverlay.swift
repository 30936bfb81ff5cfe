/// Reference and current histograms of a numeric feature on shared bin edges.
///
/// Drawn as overlapping translucent bars or as two step outlines, reference solid and
/// current dashed, with a legend. By default each side is divided by its total so that a
/// reference of 100,000 rows and a window of 500 compare.
///
/// ```swift
/// let chart = DistributionOverlay(
///     title: "age",
///     binEdges: [18, 25, 35, 50, 65, .infinity],
///     reference: [1_200, 2_600, 3_100, 1_900, 700],
///     current: [30, 41, 80, 95, 60],
///     style: .steps)
/// let svg = chart.svg()
/// ```
public struct DistributionOverlay: Sendable {
    /// How the two histograms are drawn.
    public enum Style: Sendable, Hashable {
        /// Overlapping translucent bars.
        case bars
        /// Step outlines, which stay readable when the histograms differ little.
        case steps
    }

    /// The accessible name of the chart, also drawn above it.
    public var title: String
    /// The `bins + 1` ascending edges both histograms share; the outer ones may be infinite.
    public var binEdges: [Double]
    /// Weights (counts or proportions) of the reference, one per bin.
    public var reference: [Double]
    /// Weights of the current window, one per bin.
    public var current: [Double]
    /// Legend and tooltip name of the reference.
    public var referenceLabel: String
    /// Legend and tooltip name of the current window.
    public var currentLabel: String
    /// Bars or step outlines.
    public var style: Style
    /// Whether weights are drawn as proportions of each side's total or as given.
    public var normalization: DistributionNormalization
    /// Size, axis titles and accessibility text.
    public var options: ChartOptions

    /// An overlay of two histograms; missing weights at the end count as no data.
    ///
    /// ```swift
    /// DistributionOverlay(title: "score", binEdges: edges, reference: refShares, current: curShares,
    ///                     normalization: .asGiven)
    /// ```
    public init(
        title: String, binEdges: [Double], reference: [Double], current: [Double],
        referenceLabel: String = "reference", currentLabel: String = "current", style: Style = .bars,
        normalization: DistributionNormalization = .proportions, options: ChartOptions = ChartOptions()
    ) {
        self.title = title
        self.binEdges = binEdges
        self.reference = reference
        self.current = current
        self.referenceLabel = referenceLabel
        self.currentLabel = currentLabel
        self.style = style
        self.normalization = normalization
        self.options = options
    }

    /// The chart as a standalone `<svg>` element, or a "no data" placeholder when there are
    /// no usable bins or no finite weights.
    ///
    /// ```swift
    /// let markup = chart.svg()
    /// ```
    public func svg() -> String {
        let empty = ChartDocument(kind: "distribution", title: title, summary: "", options: options)
        guard let bins = HistogramBins(edges: binEdges) else { return empty.placeholder() }
        let reference = weights(reference, bins)
        let current = weights(current, bins)
        guard (reference + current).contains(where: { $0 != nil }) else { return empty.placeholder() }
        let plot = HistogramPlot(
            bins: bins,
            sides: [
                HistogramPlot.Side(style: .reference, label: referenceLabel, values: reference),
                HistogramPlot.Side(style: .current, label: currentLabel, values: current),
            ], steps: style == .steps, format: normalization == .proportions ? .percent : .plain)
        let document = ChartDocument(
            kind: "distribution", title: title, summary: plot.summary, options: options)
        return document.render { plot.draw(into: &$0, options: options) }
    }

    /// One weight per drawable bin, normalized over those bins only, so that a bin that
    /// cannot be placed does not silently shrink the others.
    private func weights(_ values: [Double], _ bins: HistogramBins) -> [Double?] {
        normalization.apply(bins.bins.map { $0.index < values.count ? values[$0.index] : nil })
    }
}
