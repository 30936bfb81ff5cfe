extension BinnedProportions {
    /// Shares of two histograms over the same edges: one bin per edge interval, then a bin for
    /// the values below the first edge and one for those above the last, each only when either
    /// histogram has such values (an empty outer bin would still move PSI and KL, which fill
    /// empty bins). Missing values are left out, as the exact methods drop them.
    public init(_ reference: FixedEdgeHistogram, _ current: FixedEdgeHistogram) throws(UndefinedStatistic) {
        guard reference.edges == current.edges else { throw UndefinedStatistic("the histograms have different edges") }
        guard reference.count > 0, current.count > 0 else { throw UndefinedStatistic("a sample has no values") }
        let hasBelow = reference.below + current.below > 0
        let hasAbove = reference.above + current.above > 0
        func shares(_ histogram: FixedEdgeHistogram) -> [Double] {
            var counts = histogram.counts
            if hasBelow { counts.append(histogram.below) }
            if hasAbove { counts.append(histogram.above) }
            let total = Double(histogram.count)
            return counts.map { Double($0) / total }
        }
        self.init(reference: shares(reference), current: shares(current))
    }
}
