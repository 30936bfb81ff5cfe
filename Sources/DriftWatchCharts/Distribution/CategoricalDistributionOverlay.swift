/// The share of one category in the reference and in the current window.
///
/// ```swift
/// CategoryShare(name: "mobile", reference: 0.42, current: 0.61)
/// CategoryShare(name: "new-app", reference: 0, current: 0.05)  // a category the reference never saw
/// ```
public struct CategoryShare: Sendable, Hashable {
    /// The category value, e.g. a device type.
    public var name: String
    /// Its proportion in the reference; `nil` or non-finite draws no bar.
    public var reference: Double?
    /// Its proportion in the current window.
    public var current: Double?

    /// A category with its two proportions.
    ///
    /// ```swift
    /// CategoryShare(name: "tablet", reference: 0.08, current: 0.04)
    /// ```
    public init(name: String, reference: Double?, current: Double?) {
        self.name = name
        self.reference = reference
        self.current = current
    }
}

/// Reference and current proportions of a categorical feature as pairs of bars.
///
/// Values are proportions (0.42 reads as 42%). Pass counts with
/// `normalization: .proportions` to have each side divided by its total.
///
/// ```swift
/// let chart = CategoricalDistributionOverlay(
///     title: "device",
///     categories: [
///         CategoryShare(name: "mobile", reference: 0.42, current: 0.61),
///         CategoryShare(name: "desktop", reference: 0.58, current: 0.39),
///     ])
/// let svg = chart.svg()
/// ```
public struct CategoricalDistributionOverlay: Sendable {
    /// The accessible name of the chart, also drawn above it.
    public var title: String
    /// The categories, in drawing order.
    public var categories: [CategoryShare]
    /// Legend and tooltip name of the reference side.
    public var referenceLabel: String
    /// Legend and tooltip name of the current side.
    public var currentLabel: String
    /// Whether bars grow rightwards or upwards.
    public var orientation: BarOrientation
    /// Whether values are proportions already or counts to be divided by their total.
    public var normalization: DistributionNormalization
    /// Size, axis titles and accessibility text.
    public var options: ChartOptions

    /// An overlay of two categorical distributions; only `title` and `categories` are required.
    ///
    /// ```swift
    /// CategoricalDistributionOverlay(title: "plan", categories: shares, currentLabel: "last 24 h")
    /// ```
    public init(
        title: String, categories: [CategoryShare], referenceLabel: String = "reference",
        currentLabel: String = "current", orientation: BarOrientation = .horizontal,
        normalization: DistributionNormalization = .asGiven, options: ChartOptions = ChartOptions()
    ) {
        self.title = title
        self.categories = categories
        self.referenceLabel = referenceLabel
        self.currentLabel = currentLabel
        self.orientation = orientation
        self.normalization = normalization
        self.options = options
    }

    /// The chart as a standalone `<svg>` element, or a "no data" placeholder when neither
    /// side has a finite value.
    ///
    /// ```swift
    /// let markup = chart.svg()
    /// ```
    public func svg() -> String {
        let reference = normalization.apply(categories.map(\.reference))
        let current = normalization.apply(categories.map(\.current))
        guard (reference + current).contains(where: { $0 != nil }) else {
            return ChartDocument(kind: "categorical-distribution", title: title, summary: "", options: options)
                .placeholder()
        }
        let bars = GroupedBars(
            categories: categories.map(\.name),
            groups: [
                DistributionSide.reference.barGroup(name: referenceLabel, values: reference),
                DistributionSide.current.barGroup(name: currentLabel, values: current),
            ],
            orientation: orientation, showsValueLabels: false, format: .percent, options: options)
        let legend = Legend(entries: [
            DistributionSide.reference.legendEntry(label: referenceLabel),
            DistributionSide.current.legendEntry(label: currentLabel),
        ])
        let document = ChartDocument(
            kind: "categorical-distribution", title: title, summary: summary(reference, current), options: options)
        return document.render { bars.draw(into: &$0, legend: legend) }
    }

    /// E.g. "Proportions of 2 categories, reference against current. mobile: reference 42%,
    /// current 61%; desktop: reference 58%, current 39%."
    private func summary(_ reference: [Double?], _ current: [Double?]) -> String {
        let count = Wording.count(categories.count, "category", plural: "categories")
        let listed = categories.indices.prefix(20).map { index in
            let shares = [(referenceLabel, reference[index]), (currentLabel, current[index])].map { label, value in
                "\(label) " + (value.map { NumberText.readable($0 * 100) + "%" } ?? "none")
            }
            return "\(categories[index].name): " + shares.joined(separator: ", ")
        }
        var text =
            "Proportions of \(count), \(referenceLabel) against \(currentLabel). " + listed.joined(separator: "; ")
        if categories.count > listed.count { text += "; and \(categories.count - listed.count) more" }
        return text + "."
    }
}
