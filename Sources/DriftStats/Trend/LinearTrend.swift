import Foundation

/// An ordinary least-squares straight line y = a + b·x through a series, with the prediction
/// interval of a new observation, as `scipy.stats.linregress` fits it.
///
/// With x̄, ȳ the means, Sxx = Σ(x − x̄)² and Sxy = Σ(x − x̄)(y − ȳ):
/// b = Sxy / Sxx, a = ȳ − b·x̄, and the residual standard error s = √(Σ(y − a − b·x)² / (n − 2)).
/// A new observation at x₀ falls, with probability `confidence`, within
/// a + b·x₀ ± t₍₁₋α/₂, n−2₎ · s · √(1 + 1/n + (x₀ − x̄)² / Sxx)
/// (the textbook interval, e.g. Montgomery & Runger, *Applied Statistics*, §11-6), assuming
/// independent normal errors around the line.
///
/// ```swift
/// let trend = try LinearTrend(x: [0, 1, 2, 3], y: [0.91, 0.90, 0.88, 0.87])
/// let next = trend.prediction(at: 10)   // value, lower, upper
/// let day = trend.crossing(of: 0.80)    // x where the line reaches 0.80
/// ```
public struct LinearTrend: Sendable, Hashable {
    /// b, the change of y per unit of x.
    public var slope: Double
    /// a, the line's value at x = 0.
    public var intercept: Double
    /// n, the number of points fitted.
    public var count: Int
    /// x̄.
    public var meanX: Double
    /// Sxx = Σ(x − x̄)².
    public var sumOfSquaresX: Double
    /// s, the residual standard error √(SSE / (n − 2)).
    public var residualStandardError: Double
    /// Pearson's r (NaN when y is constant), `linregress`'s `rvalue`.
    public var correlation: Double

    /// The fewest points a trend with an interval is fitted on: n − 2 ≥ 1 degree of freedom.
    public static let minimumCount = 3

    /// Fits the line through `(x[i], y[i])`.
    ///
    /// - Throws: ``UndefinedStatistic`` when the arrays differ in length, hold fewer than
    ///   ``minimumCount`` points or a non-finite value, or every x is the same.
    public init(x: [Double], y: [Double]) throws(UndefinedStatistic) {
        guard x.count == y.count else { throw UndefinedStatistic("x and y have different lengths") }
        guard x.count >= Self.minimumCount else {
            throw UndefinedStatistic("a trend with an interval needs at least \(Self.minimumCount) points")
        }
        guard x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else {
            throw UndefinedStatistic("the series holds a NaN or infinite value")
        }
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n
        let meanY = y.reduce(0, +) / n
        // Centred sums (two passes) keep the digits that Σx² − n·x̄² would cancel away.
        var sxx = 0.0
        var sxy = 0.0
        var syy = 0.0
        for (xi, yi) in zip(x, y) {
            sxx += (xi - meanX) * (xi - meanX)
            sxy += (xi - meanX) * (yi - meanY)
            syy += (yi - meanY) * (yi - meanY)
        }
        guard sxx > 0 else { throw UndefinedStatistic("every point has the same x") }
        let slope = sxy / sxx
        let intercept = meanY - slope * meanX
        let squaredResiduals = zip(x, y).reduce(0.0) { sum, point in
            let residual = point.1 - (intercept + slope * point.0)
            return sum + residual * residual
        }
        self.slope = slope
        self.intercept = intercept
        count = x.count
        self.meanX = meanX
        sumOfSquaresX = sxx
        residualStandardError = (squaredResiduals / (n - 2)).squareRoot()
        correlation = syy > 0 ? sxy / (sxx * syy).squareRoot() : .nan
    }

    /// The line's value a + b·x.
    public func value(at x: Double) -> Double { intercept + slope * x }

    /// The standard error of the slope, √(s² / Sxx) (`linregress`'s `stderr`).
    public var slopeStandardError: Double { residualStandardError / sumOfSquaresX.squareRoot() }

    /// The standard error of the intercept, s·√(1/n + x̄²/Sxx) (`linregress`'s `intercept_stderr`).
    public var interceptStandardError: Double {
        residualStandardError * (1 / Double(count) + meanX * meanX / sumOfSquaresX).squareRoot()
    }

    /// The fitted value at `x` and the interval that holds a new observation there with
    /// probability `confidence` (0.95 by default).
    public func prediction(at x: Double, confidence: Double = 0.95) -> (value: Double, lower: Double, upper: Double) {
        let value = value(at: x)
        let t = StudentTDistribution(degreesOfFreedom: Double(count - 2)).quantile(0.5 + confidence / 2)
        let spread =
            residualStandardError
            * (1 + 1 / Double(count) + (x - meanX) * (x - meanX) / sumOfSquaresX).squareRoot()
        return (value, value - t * spread, value + t * spread)
    }

    /// The x at which the line equals `threshold`, (threshold − a) / b; nil for a flat line.
    public func crossing(of threshold: Double) -> Double? {
        guard slope != 0 else { return nil }
        return (threshold - intercept) / slope
    }
}
