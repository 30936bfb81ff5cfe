/// Weighted isotonic (non-decreasing) least squares by pool-adjacent-violators.
///
/// Algorithm 1 of Busing (2022), "Monotone Regression: A Simple and Fast O(n) PAVA
/// Implementation", J. Stat. Softw. 102(1), with the corrections scipy applies in
/// `scipy.optimize.isotonic_regression` (which scikit-learn's `IsotonicRegression` calls):
/// equal neighbours are pooled (≥ rather than >), and a pooled block's value is its running
/// weighted sum over its running weight, accumulated in scipy's order so that fitted values
/// are bit-identical.
enum PoolAdjacentViolators {
    /// The non-decreasing fit of `values` with positive `weights`.
    static func fit(_ values: [Double], weights: [Double]) -> [Double] {
        var x = values
        var w = weights
        let n = x.count
        guard n > 1 else { return x }
        // Block k holds x[start[k]..<start[k + 1]]; x[k] and w[k] its value and weight.
        var start = [Int](repeating: 0, count: n + 1)
        start[1] = 1
        var b = 0
        var previousValue = x[0]
        var previousWeight = w[0]
        var i = 1
        while i < n {
            b += 1
            var value = x[i]
            var weight = w[i]
            if previousValue >= value {
                b -= 1
                var sum = previousWeight * previousValue + weight * value
                weight += previousWeight
                value = sum / weight
                while i < n - 1 && value >= x[i + 1] {
                    i += 1
                    sum += w[i] * x[i]
                    weight += w[i]
                    value = sum / weight
                }
                while b > 0 && x[b - 1] >= value {
                    b -= 1
                    sum += w[b] * x[b]
                    weight += w[b]
                    value = sum / weight
                }
            }
            x[b] = value
            w[b] = weight
            previousValue = value
            previousWeight = weight
            start[b + 1] = i + 1
            i += 1
        }
        var fitted = [Double](repeating: 0, count: n)
        for block in 0...b {
            for j in start[block]..<start[block + 1] { fitted[j] = x[block] }
        }
        return fitted
    }
}
