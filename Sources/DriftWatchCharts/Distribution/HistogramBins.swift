/// The bins of a ``DistributionOverlay`` ready to draw.
///
/// Open-ended outer bins (an edge of −∞ or +∞, as quantile binning for PSI produces) are
/// drawn as wide as a typical bin and named "below …" / "… and above" in tooltips. Bins with
/// non-finite inner edges or edges out of order cannot be placed and are left out.
struct HistogramBins {
    struct Bin {
        let index: Int
        /// Where the bin is drawn.
        let lower: Double
        let upper: Double
        /// The bin in words, e.g. `"0.5 to 1"` or `"below 0"`.
        let name: String
        /// Whether an edge is infinite, so the drawn width is only a stand-in.
        var isOpen = false
    }

    let bins: [Bin]
    /// The extent of all drawn bins, which the horizontal axis spans.
    let extent: ClosedRange<Double>

    /// The range the bins cover in words, e.g. `"0 to 60"` or `"below 20 to 60 and above"`.
    var rangeDescription: String {
        guard let first = bins.first, let last = bins.last else { return "" }
        let lower = first.isOpen ? first.name : NumberText.readable(first.lower)
        let upper = last.isOpen ? last.name : NumberText.readable(last.upper)
        return lower + " to " + upper
    }

    /// `nil` when no bin can be placed.
    init?(edges: [Double]) {
        guard edges.count >= 2 else { return nil }
        let widths = zip(edges, edges.dropFirst()).map { $1 - $0 }.filter { $0.isFinite && $0 > 0 }.sorted()
        let last = edges.count - 2
        var bins: [Bin] = []
        for index in 0...last {
            let (lower, upper) = (edges[index], edges[index + 1])
            if lower.isFinite, upper.isFinite, upper > lower {
                bins.append(
                    Bin(
                        index: index, lower: lower, upper: upper,
                        name: "\(NumberText.readable(lower)) to \(NumberText.readable(upper))"))
            } else if index == 0, lower == -.infinity, upper.isFinite {
                let width = widths.isEmpty ? max(abs(upper), 1) : widths[widths.count / 2]
                bins.append(
                    Bin(
                        index: index, lower: upper - width, upper: upper, name: "below \(NumberText.readable(upper))",
                        isOpen: true))
            } else if index == last, upper == .infinity, lower.isFinite {
                let width = widths.isEmpty ? max(abs(lower), 1) : widths[widths.count / 2]
                bins.append(
                    Bin(
                        index: index, lower: lower, upper: lower + width,
                        name: "\(NumberText.readable(lower)) and above", isOpen: true))
            }
        }
        guard let low = bins.map(\.lower).min(), let high = bins.map(\.upper).max(), high.isFinite, low.isFinite
        else { return nil }
        self.bins = bins
        extent = low...high
    }
}
