import Foundation

/// Equal-width histogram edges and counts, computed exactly as numpy does.
///
/// Evidently's binned drift methods are defined on `np.histogram_bin_edges(x, bins="sturges")`
/// and `np.histogram(x, edges)`; matching them to the last bit needs the same arithmetic:
/// width = ptp / (log₂ n + 1), bins = ⌈ptp / width⌉, edges = start + i · step with the last edge
/// set to the stop exactly, and a range of ±0.5 around a constant sample.
public enum HistogramEdges {
    /// Sturges edges over values whose minimum, maximum and count are given
    /// (`numpy.histogram_bin_edges(values, bins="sturges")`).
    public static func sturges(minimum: Double, maximum: Double, count: Int) -> [Double] {
        var first = minimum
        var last = maximum
        if first == last {
            first -= 0.5
            last += 0.5
        }
        var binCount = 1
        if count > 0 {
            let width = (maximum - minimum) / (log2(Double(count)) + 1.0)
            if width > 0 { binCount = Int(((last - first) / width).rounded(.up)) }
        }
        return linspace(first, last, binCount: binCount)
    }

    /// `numpy.linspace(start, stop, binCount + 1)`: binCount equal bins, stop exact.
    public static func linspace(_ start: Double, _ stop: Double, binCount: Int) -> [Double] {
        let step = (stop - start) / Double(binCount)
        var edges = (0...binCount).map { Double($0) * step + start }
        edges[binCount] = stop
        return edges
    }

    /// Counts of sorted values in each bin [eᵢ, eᵢ₊₁), the last bin closed, as `np.histogram`
    /// counts for explicit edges. Values outside the edges are not counted.
    public static func counts(sorted values: [Double], edges: [Double]) -> [Int] {
        var cumulative = [Int]()
        cumulative.reserveCapacity(edges.count)
        for edge in edges.dropLast() {
            cumulative.append(lowerBound(values, edge))
        }
        cumulative.append(upperBound(values, edges[edges.count - 1]))
        return (0..<(edges.count - 1)).map { cumulative[$0 + 1] - cumulative[$0] }
    }

    /// The first index whose value is ≥ `target` in a sorted array.
    static func lowerBound(_ values: [Double], _ target: Double) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The first index whose value is > `target` in a sorted array.
    static func upperBound(_ values: [Double], _ target: Double) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] <= target { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
