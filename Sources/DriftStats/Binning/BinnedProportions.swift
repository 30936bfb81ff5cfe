/// Reference and current proportions over shared bins, as Evidently 0.7's `get_binned_data`.
///
/// Numeric columns whose reference has more than 20 distinct values are cut into Sturges
/// equal-width bins over both samples together; other columns get one bin per distinct value
/// (or category) of either sample. Proportions are counts over each sample's size.
public struct BinnedProportions: Sendable, Hashable {
    /// Reference share per bin.
    public var reference: [Double]
    /// Current share per bin.
    public var current: [Double]

    /// Creates proportions from aligned per-bin shares.
    public init(reference: [Double], current: [Double]) {
        self.reference = reference
        self.current = current
    }

    /// Bins two numeric samples the way Evidently does.
    public init(_ reference: SortedSample, _ current: SortedSample) throws(UndefinedStatistic) {
        guard let refFirst = reference.values.first, let curFirst = current.values.first else {
            throw UndefinedStatistic("a sample has no values")
        }
        if reference.distinctCount > 20 {
            let minimum = min(refFirst, curFirst)
            let maximum = max(reference.values[reference.count - 1], current.values[current.count - 1])
            let edges = HistogramEdges.sturges(
                minimum: minimum, maximum: maximum, count: reference.count + current.count)
            self.init(
                reference: Self.shares(HistogramEdges.counts(sorted: reference.values, edges: edges)),
                current: Self.shares(HistogramEdges.counts(sorted: current.values, edges: edges)))
        } else {
            let (refCounts, curCounts) = Self.countsPerDistinctValue(reference.values, current.values)
            self.init(reference: Self.shares(refCounts), current: Self.shares(curCounts))
        }
    }

    /// One bin per category of either sample.
    public init(_ counts: CategoryCounts) throws(UndefinedStatistic) {
        try counts.requireBothSamples()
        self.init(reference: counts.referenceProportions, current: counts.currentProportions)
    }

    /// Replaces empty bins by a small share, as Evidently's `feel_zeroes`: the smallest non-zero
    /// share divided by 10⁶ when that share is at most 0.0001, otherwise 0.0001. The shares are
    /// not renormalised afterwards.
    public func fillingEmptyBins() -> BinnedProportions {
        BinnedProportions(reference: Self.fill(reference), current: Self.fill(current))
    }

    private static func fill(_ shares: [Double]) -> [Double] {
        let smallest = shares.lazy.filter { $0 != 0 }.min() ?? 0
        let replacement = smallest <= 0.0001 ? smallest / 1e6 : 0.0001
        return shares.map { $0 == 0 ? replacement : $0 }
    }

    private static func shares(_ counts: [Int]) -> [Double] {
        let total = Double(counts.reduce(0, +))
        return counts.map { Double($0) / total }
    }

    /// Counts of each distinct value of two sorted samples, merged in one pass.
    private static func countsPerDistinctValue(_ a: [Double], _ b: [Double]) -> ([Int], [Int]) {
        var countsA: [Int] = []
        var countsB: [Int] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            let value = j >= b.count || (i < a.count && a[i] <= b[j]) ? a[i] : b[j]
            var countA = 0
            var countB = 0
            while i < a.count && a[i] == value {
                countA += 1
                i += 1
            }
            while j < b.count && b[j] == value {
                countB += 1
                j += 1
            }
            countsA.append(countA)
            countsB.append(countB)
        }
        return (countsA, countsB)
    }
}
