/// Whether distribution values are drawn as given or as shares of their total.
///
/// ```swift
/// DistributionOverlay(title: "age", binEdges: edges, reference: referenceCounts, current: currentCounts,
///                     normalization: .proportions)
/// ```
public enum DistributionNormalization: Sendable, Hashable {
    /// Each side is divided by the sum of its finite values, so samples of different sizes
    /// compare; this is what drift is about.
    case proportions
    /// Values are drawn unchanged, e.g. when they already are proportions.
    case asGiven

    /// `values` scaled as requested; non-finite entries become `nil`, and a side whose
    /// total is not positive has nothing to show.
    func apply(_ values: [Double?]) -> [Double?] {
        let finite = values.map { $0.flatMap { $0.isFinite ? $0 : nil } }
        switch self {
        case .asGiven:
            return finite
        case .proportions:
            let total = finite.compactMap { $0 }.reduce(0, +)
            guard total > 0, total.isFinite else { return finite.map { _ in nil } }
            return finite.map { $0.map { $0 / total } }
        }
    }
}
