/// How often each category label occurs in a column, with the count of missing values.
public struct CategoryTally: Sendable, Hashable {
    /// Occurrences per label.
    public var counts: [String: Int]
    /// Missing values (empty, `NA`, `null`, …).
    public var missing: Int

    /// Creates a tally.
    public init(counts: [String: Int], missing: Int) {
        self.counts = counts
        self.missing = missing
    }

    /// Tallies labels; `nil` is missing.
    public init(_ labels: some Sequence<String?>) {
        var counts: [String: Int] = [:]
        var missing = 0
        for label in labels {
            if let label { counts[label, default: 0] += 1 } else { missing += 1 }
        }
        self.init(counts: counts, missing: missing)
    }
}
