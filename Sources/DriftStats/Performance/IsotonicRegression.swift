/// A non-decreasing step-and-ramp fit of y on x, as
/// `sklearn.isotonic.IsotonicRegression(increasing=True, out_of_bounds="clip")` fits it.
///
/// Fitting follows scikit-learn 1.9 step by step, so that thresholds and predictions agree
/// bit for bit: pairs are sorted by x then y; x values within 1e−15 of the first x of a run
/// are merged into one point whose y is the mean of the run and whose weight is its length
/// (`_make_unique`); the means are fitted by pool-adjacent-violators (weighted least
/// squares under the order constraint); interior points equal to both neighbours are
/// dropped. Prediction clips x to the fitted range and interpolates linearly between the
/// remaining points, as `numpy.interp` does: f(x) = yⱼ + (yⱼ₊₁ − yⱼ)/(xⱼ₊₁ − xⱼ)·(x − xⱼ)
/// for xⱼ < x < xⱼ₊₁, and yⱼ at x = xⱼ. Unit sample weights only.
public struct IsotonicRegression: Sendable, Hashable {
    /// The x values of the fitted points, ascending (scikit-learn's `X_thresholds_`).
    public let thresholds: [Double]
    /// The fitted values at ``thresholds``, non-decreasing (`y_thresholds_`).
    public let values: [Double]

    /// Fits y on x; throws when the arrays are empty, differ in length or are not finite.
    public init(x: [Double], y: [Double]) throws(UndefinedStatistic) {
        guard x.count == y.count else { throw UndefinedStatistic("\(x.count) x values but \(y.count) y values") }
        guard !x.isEmpty else { throw UndefinedStatistic("no points to fit") }
        guard x.allSatisfy({ $0.isFinite }), y.allSatisfy({ $0.isFinite }) else {
            throw UndefinedStatistic("the points contain NaN or infinity")
        }
        let pairs = RadixArgsort.lexsort(x, y).map { (x[$0], y[$0]) }
        // numpy.finfo(float64).resolution: scikit-learn's threshold for "the same x".
        let resolution = 1e-15
        var uniqueX: [Double] = []
        var means: [Double] = []
        var weights: [Double] = []
        var currentX = pairs[0].0
        var sum = 0.0
        var weight = 0.0
        for (xi, yi) in pairs {
            if xi - currentX >= resolution {
                uniqueX.append(currentX)
                means.append(sum / weight)
                weights.append(weight)
                currentX = xi
                sum = 0
                weight = 0
            }
            sum += yi
            weight += 1
        }
        uniqueX.append(currentX)
        means.append(sum / weight)
        weights.append(weight)
        let fitted = PoolAdjacentViolators.fit(means, weights: weights)
        var keptX: [Double] = []
        var keptY: [Double] = []
        for i in fitted.indices {
            let interior = i > 0 && i < fitted.count - 1
            if !interior || fitted[i] != fitted[i - 1] || fitted[i] != fitted[i + 1] {
                keptX.append(uniqueX[i])
                keptY.append(fitted[i])
            }
        }
        thresholds = keptX
        values = keptY
    }

    /// The fitted value at `x`; x outside the fitted range takes the value at its end.
    public func predict(_ x: Double) -> Double {
        guard thresholds.count > 1 else { return values[0] }
        let clipped = clip(x)
        // The last j with thresholds[j] <= clipped.
        var low = 0
        var high = thresholds.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if thresholds[middle] <= clipped { low = middle } else { high = middle - 1 }
        }
        return interpolate(clipped, from: low)
    }

    /// The fitted values at each of `xs`.
    public func predict(_ xs: [Double]) -> [Double] { xs.map(predict) }

    /// The fitted values at ascending `xs`, by one walk along the thresholds rather than a
    /// search per value.
    func predict(ascending xs: [Double]) -> [Double] {
        guard thresholds.count > 1 else { return [Double](repeating: values[0], count: xs.count) }
        var j = 0
        return xs.map { x in
            let clipped = clip(x)
            while j < thresholds.count - 1 && thresholds[j + 1] <= clipped { j += 1 }
            return interpolate(clipped, from: j)
        }
    }

    private func clip(_ x: Double) -> Double { min(max(x, thresholds[0]), thresholds[thresholds.count - 1]) }

    /// `numpy.interp` at x in [thresholds[j], thresholds[j + 1]).
    private func interpolate(_ x: Double, from j: Int) -> Double {
        if j == thresholds.count - 1 || thresholds[j] == x { return values[j] }
        let slope = (values[j + 1] - values[j]) / (thresholds[j + 1] - thresholds[j])
        return slope * (x - thresholds[j]) + values[j]
    }
}
