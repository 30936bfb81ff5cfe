import Foundation

extension KLLSketch {
    /// Whether the sketch has seen no finite value.
    public var isEmpty: Bool { count == 0 }

    /// The smallest value seen, exactly; NaN when empty.
    public var minimum: Double { isEmpty ? .nan : smallest }

    /// The largest value seen, exactly; NaN when empty.
    public var maximum: Double { isEmpty ? .nan : largest }

    /// How many items the sketch holds.
    public var retainedCount: Int { levels.reduce(0) { $0 + $1.count } }

    /// Whether every value is still held with weight one, so that ranks and quantiles are exact.
    public var isExact: Bool { levels.count == 1 }

    /// The 99 % bound on this sketch's normalised rank error: 0 while ``isExact``, else
    /// ``normalizedRankError(k:)`` of its ``k``.
    public var normalizedRankError: Double { isExact ? 0 : Self.normalizedRankError(k: k) }

    /// The normalised rank error that sup over x of |F̂(x) − F(x)| stays below with probability
    /// 99 %: 2.296 / k^0.9723, DataSketches' `getNormalizedRankError(k, false)`.
    public static func normalizedRankError(k: Int) -> Double {
        2.296 / pow(Double(k), 0.9723)
    }

    /// The error bound with probability 99 % on a mass F̂(b) − F̂(a): 2.446 / k^0.9433,
    /// DataSketches' `getNormalizedRankError(k, true)`.
    public static func normalizedMassError(k: Int) -> Double {
        2.446 / pow(Double(k), 0.9433)
    }

    /// The estimated share of values ≤ `value` (NaN when empty).
    public func rank(_ value: Double) -> Double {
        ranks([value])[0]
    }

    /// ``rank(_:)`` of each value, sorting the retained items once.
    public func ranks(_ values: [Double]) -> [Double] {
        guard !isEmpty else { return values.map { _ in .nan } }
        let view = sortedView()
        return values.map { value in
            let index = HistogramEdges.upperBound(view.values, value)
            return index == 0 ? 0 : Double(view.cumulativeWeights[index - 1]) / Double(count)
        }
    }

    /// The estimated q-quantile: the smallest retained item whose estimated rank is at least q
    /// (DataSketches' inclusive search). q = 0 and 1 give the exact minimum and maximum; NaN
    /// when empty.
    public func quantile(_ q: Double) -> Double {
        quantiles([q])[0]
    }

    /// ``quantile(_:)`` of each q in [0, 1], sorting the retained items once.
    public func quantiles(_ qs: [Double]) -> [Double] {
        guard !isEmpty else { return qs.map { _ in .nan } }
        let view = sortedView()
        return qs.map { q in
            precondition((0...1).contains(q), "a quantile's q must be in [0, 1]")
            if q == 0 { return smallest }
            if q == 1 { return largest }
            let target = (q * Double(count)).rounded(.up)
            var low = 0
            var high = view.values.count - 1
            while low < high {
                let mid = (low + high) / 2
                if Double(view.cumulativeWeights[mid]) < target { low = mid + 1 } else { high = mid }
            }
            return view.values[low]
        }
    }

    /// The retained items in ascending order, each with the total weight of the items up to and
    /// including it: the sketch's estimate of the empirical CDF, times ``count``.
    public func sortedView() -> (values: [Double], cumulativeWeights: [Int]) {
        var items: [(value: Double, weight: Int)] = []
        items.reserveCapacity(retainedCount)
        for (h, level) in levels.enumerated() {
            for value in level { items.append((value, 1 << h)) }
        }
        items.sort { $0.value < $1.value }
        var total = 0
        return (
            items.map(\.value),
            items.map { item in
                total += item.weight
                return total
            }
        )
    }
}
