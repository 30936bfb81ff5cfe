/// Counts per bin over fixed edges, plus counts below, above and missing: an exact, mergeable
/// histogram.
///
/// Bins are [eᵢ, eᵢ₊₁) with the last closed, as `np.histogram` and ``HistogramEdges`` count;
/// a value below e₀ or above the last edge is counted in ``below`` or ``above``, and NaN or
/// ±∞ in ``missing`` (as ``SortedSample`` drops them). Edges are typically laid over the
/// reference (``HistogramEdges/sturges(minimum:maximum:count:)``) and kept for every later
/// window, so that a window's drift shows in the outer counts too.
///
/// Error: none; every count is exact, and merging (which requires identical edges) is exactly
/// associative and commutative.
public struct FixedEdgeHistogram: Sendable, Hashable {
    /// The bin edges, finite and strictly increasing.
    public let edges: [Double]
    /// The count of each bin, `edges.count − 1` of them.
    public private(set) var counts: [Int]
    /// Values below the first edge.
    public private(set) var below = 0
    /// Values above the last edge.
    public private(set) var above = 0
    /// NaN and infinite values.
    public private(set) var missing = 0

    /// Creates an empty histogram; `edges` must be finite, strictly increasing and at least two.
    public init(edges: [Double]) {
        precondition(Self.isValid(edges), "edges must be at least two finite, strictly increasing values")
        self.init(edges: edges, counts: [Int](repeating: 0, count: edges.count - 1), below: 0, above: 0, missing: 0)
    }

    /// Assembles a histogram from checked parts.
    init(edges: [Double], counts: [Int], below: Int, above: Int, missing: Int) {
        self.edges = edges
        self.counts = counts
        self.below = below
        self.above = above
        self.missing = missing
    }

    /// Whether `edges` can bound a histogram.
    static func isValid(_ edges: [Double]) -> Bool {
        edges.count >= 2 && edges.allSatisfy(\.isFinite) && zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// All finite values counted: ``below`` + Σ ``counts`` + ``above``.
    public var count: Int { below + counts.reduce(0, +) + above }

    /// Adds one value.
    public mutating func add(_ value: Double) {
        edges.withUnsafeBufferPointer { edges in
            counts.withUnsafeMutableBufferPointer { counts in
                Self.place(value, edges, counts, &below, &above, &missing)
            }
        }
    }

    /// Adds every value of a sequence.
    public mutating func add(contentsOf values: some Sequence<Double>) {
        edges.withUnsafeBufferPointer { edges in
            counts.withUnsafeMutableBufferPointer { counts in
                let added: Void? = values.withContiguousStorageIfAvailable { values in
                    for value in values { Self.place(value, edges, counts, &below, &above, &missing) }
                }
                if added == nil {
                    for value in values { Self.place(value, edges, counts, &below, &above, &missing) }
                }
            }
        }
    }

    /// Counts one value by binary search over the edges.
    @inline(__always)
    private static func place(
        _ value: Double, _ edges: UnsafeBufferPointer<Double>, _ counts: UnsafeMutableBufferPointer<Int>,
        _ below: inout Int, _ above: inout Int, _ missing: inout Int
    ) {
        let last = edges.count - 1
        if !value.isFinite {
            missing += 1
        } else if value < edges[0] {
            below += 1
        } else if value >= edges[last] {
            if value == edges[last] { counts[last - 1] += 1 } else { above += 1 }
        } else {
            // edges[0] ≤ value < the last edge: the bin is the last edge ≤ value, found by a
            // branch-free binary search, since which half a value lies in is a coin toss that a
            // branch predictor would lose half the time.
            var low = 0
            var length = last
            while length > 1 {
                let half = length / 2
                low = edges[low + half] <= value ? low + half : low
                length -= half
            }
            counts[low] += 1
        }
    }

    /// Adds the counts of a histogram over the same edges.
    public mutating func merge(_ other: FixedEdgeHistogram) throws(SketchError) {
        guard edges == other.edges else { throw .incompatible("the histograms have different edges") }
        for i in counts.indices { counts[i] += other.counts[i] }
        below += other.below
        above += other.above
        missing += other.missing
    }

    /// This histogram merged with `other`, which must have the same edges.
    public func merged(with other: FixedEdgeHistogram) throws(SketchError) -> FixedEdgeHistogram {
        var result = self
        try result.merge(other)
        return result
    }
}
