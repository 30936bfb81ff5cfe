import Foundation

/// Hellinger distance H = √(1 − Σ √(pᵢ qᵢ)), Evidently 0.7's `hellinger`.
///
/// Categorical columns use the category shares. Numeric columns use density histograms on
/// Sturges bins laid over the *distinct* values of both samples (not over all values, unlike
/// ``BinnedProportions``), with the Bhattacharyya sum Σ √(h₁ h₂) · width clipped to [0, 1].
public enum HellingerDistance {
    /// Hellinger distance of two numeric samples.
    public static func distance(_ reference: SortedSample, _ current: SortedSample)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        guard let refFirst = reference.values.first, let curFirst = current.values.first else {
            throw UndefinedStatistic("a sample has no values")
        }
        let minimum = min(refFirst, curFirst)
        let maximum = max(reference.values[reference.count - 1], current.values[current.count - 1])
        let distinct = SortedSample.distinctCount(union: reference, current)
        let edges = HistogramEdges.sturges(minimum: minimum, maximum: maximum, count: distinct)
        let h1 = density(HistogramEdges.counts(sorted: reference.values, edges: edges), edges: edges)
        let h2 = density(HistogramEdges.counts(sorted: current.values, edges: edges), edges: edges)
        let width = (edges[edges.count - 1] - edges[0]) / Double(edges.count - 1)
        var coefficient = 0.0
        for (p1, p2) in zip(h1, h2) {
            coefficient += (p1 * p2).squareRoot() * width
        }
        return DriftOutcome(statistic: (1 - min(max(coefficient, 0), 1)).squareRoot())
    }

    /// Hellinger distance of two categorical samples; 1 when either sample is empty, as in Evidently.
    public static func distance(_ counts: CategoryCounts) throws(UndefinedStatistic) -> DriftOutcome {
        guard counts.referenceTotal + counts.currentTotal > 0 else {
            throw UndefinedStatistic("both samples are empty")
        }
        var coefficient = 0.0
        for (p1, p2) in zip(counts.referenceProportions, counts.currentProportions) where p1 > 0 && p2 > 0 {
            coefficient += (p1 * p2).squareRoot()
        }
        return DriftOutcome(statistic: (1 - min(max(coefficient, 0), 1)).squareRoot())
    }

    /// `np.histogram(density=True)`: count / bin width / total count.
    private static func density(_ counts: [Int], edges: [Double]) -> [Double] {
        let total = Double(counts.reduce(0, +))
        return counts.indices.map { Double(counts[$0]) / (edges[$0 + 1] - edges[$0]) / total }
    }
}
