/// A numeric sample sorted once and shared by every method that reads it.
///
/// Missing values (NaN and ±∞) are dropped on creation and counted in ``missing``; every
/// numeric drift method takes sorted samples so that a report sorts each column once.
public struct SortedSample: Sendable, Hashable {
    /// The present values in ascending order.
    public let values: [Double]
    /// How many values were missing (NaN or infinite) and dropped.
    public let missing: Int

    /// Sorts `values`, dropping and counting NaN and infinities.
    public init(_ values: [Double]) {
        var present = [Double]()
        present.reserveCapacity(values.count)
        for value in values where value.isFinite { present.append(value) }
        RadixSort.sort(&present)
        self.values = present
        self.missing = values.count - present.count
    }

    /// Wraps values that are already sorted and finite.
    public init(sorted values: [Double], missing: Int = 0) {
        self.values = values
        self.missing = missing
    }

    /// The number of present values.
    public var count: Int { values.count }

    /// The arithmetic mean, summed pairwise-free in one pass (NaN when empty).
    public var mean: Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    /// The variance with `ddof` degrees of freedom removed (two-pass, as numpy computes it).
    public func variance(ddof: Int = 0) -> Double {
        let n = values.count
        guard n > ddof else { return .nan }
        let m = mean
        var sum = 0.0
        for value in values {
            let d = value - m
            sum += d * d
        }
        return sum / Double(n - ddof)
    }

    /// The number of distinct values.
    public var distinctCount: Int {
        guard var previous = values.first else { return 0 }
        var count = 1
        for value in values.dropFirst() where value != previous {
            count += 1
            previous = value
        }
        return count
    }

    /// The number of distinct values in the union of two sorted samples, in one merge pass.
    public static func distinctCount(union a: SortedSample, _ b: SortedSample) -> Int {
        let x = a.values
        let y = b.values
        var count = 0
        var i = 0
        var j = 0
        var last = 0.0
        while i < x.count || j < y.count {
            let value: Double
            if j >= y.count || (i < x.count && x[i] <= y[j]) {
                value = x[i]
                i += 1
            } else {
                value = y[j]
                j += 1
            }
            if count == 0 || value != last {
                count += 1
                last = value
            }
        }
        return count
    }
}
