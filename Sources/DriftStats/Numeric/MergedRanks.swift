/// The tie groups of two pooled sorted samples, found in one merge pass.
///
/// Group j is the j-th smallest distinct pooled value; it holds `referenceCounts[j]` values of
/// the reference and `currentCounts[j]` of the current sample. Every rank-based test reads its
/// midranks, tie sizes and per-sample counts from here, in O(n + m) after the sort, instead of
/// ranking the pooled sample as `scipy.stats.rankdata` does.
struct MergedRanks {
    /// The distinct pooled values in ascending order.
    let values: [Double]
    /// How many reference values equal each distinct value.
    let referenceCounts: [Int]
    /// How many current values equal each distinct value.
    let currentCounts: [Int]

    /// Merges two sorted samples into tie groups.
    init(_ reference: SortedSample, _ current: SortedSample) {
        let x = reference.values
        let y = current.values
        var values: [Double] = []
        var referenceCounts: [Int] = []
        var currentCounts: [Int] = []
        var i = 0
        var j = 0
        while i < x.count || j < y.count {
            let value = j == y.count || (i < x.count && x[i] <= y[j]) ? x[i] : y[j]
            let firstI = i
            let firstJ = j
            while i < x.count && x[i] == value { i += 1 }
            while j < y.count && y[j] == value { j += 1 }
            values.append(value)
            referenceCounts.append(i - firstI)
            currentCounts.append(j - firstJ)
        }
        self.values = values
        self.referenceCounts = referenceCounts
        self.currentCounts = currentCounts
    }

    /// The number of distinct pooled values.
    var groupCount: Int { values.count }

    /// The pooled size of each tie group.
    var tieSizes: [Int] { zip(referenceCounts, currentCounts).map { $0 + $1 } }

    /// The average rank of each tie group in the pooled sample (ranks start at 1), as
    /// `rankdata(method="average")` assigns it; halves are exact in floating point.
    var midranks: [Double] {
        var before = 0
        return tieSizes.map { size in
            defer { before += size }
            return Double(before) + Double(size + 1) / 2
        }
    }

    /// The pooled value with 0-based `index` in ascending order.
    func pooledValue(at index: Int) -> Double {
        var remaining = index
        for group in values.indices {
            let size = referenceCounts[group] + currentCounts[group]
            if remaining < size { return values[group] }
            remaining -= size
        }
        preconditionFailure("index out of the pooled sample")
    }
}
