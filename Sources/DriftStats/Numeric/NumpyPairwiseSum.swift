/// Floating-point sums in the order numpy's `add.reduce` adds a contiguous float64 array.
///
/// numpy sums blocks of up to 128 values in eight interleaved accumulators and splits longer
/// arrays in halves (rounded to multiples of 8) recursively (`pairwise_sum` in
/// `numpy/_core/src/umath/loops_utils.h.src`). Reproducing the order makes means and sums
/// bit-identical to scipy's, which matters where a statistic subtracts nearly equal sums.
enum NumpyPairwiseSum {
    /// The sum of `values` as `numpy.sum` computes it.
    static func sum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { sum($0, start: 0, count: $0.count) }
    }

    /// The mean of `values` as `numpy.mean` computes it (NaN when empty).
    static func mean(_ values: [Double]) -> Double {
        sum(values) / Double(values.count)
    }

    private static func sum(_ a: UnsafeBufferPointer<Double>, start: Int, count n: Int) -> Double {
        if n < 8 {
            var result = 0.0
            for i in start..<(start + n) { result += a[i] }
            return result
        }
        if n <= 128 {
            var r = (
                a[start], a[start + 1], a[start + 2], a[start + 3],
                a[start + 4], a[start + 5], a[start + 6], a[start + 7]
            )
            var i = 8
            while i < n - n % 8 {
                let base = start + i
                r.0 += a[base]
                r.1 += a[base + 1]
                r.2 += a[base + 2]
                r.3 += a[base + 3]
                r.4 += a[base + 4]
                r.5 += a[base + 5]
                r.6 += a[base + 6]
                r.7 += a[base + 7]
                i += 8
            }
            var result = ((r.0 + r.1) + (r.2 + r.3)) + ((r.4 + r.5) + (r.6 + r.7))
            while i < n {
                result += a[start + i]
                i += 1
            }
            return result
        }
        var half = n / 2
        half -= half % 8
        return sum(a, start: start, count: half) + sum(a, start: start + half, count: n - half)
    }
}
