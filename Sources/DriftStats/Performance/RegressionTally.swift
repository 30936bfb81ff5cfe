import Foundation

/// Labelled regression predictions as sums: what ``RegressionMetrics`` needs, in a form that
/// merges and subtracts (weight −1 takes a row out).
///
/// The error sums are plain sums of the same per-row terms as the exact metrics; the targets'
/// spread for R² is kept as a running mean and sum of squared deviations (Welford's update,
/// Chan et al.'s merge), which stay accurate when the targets' mean is large against their
/// spread. R² of a constant target is therefore 1 for a perfect fit and 0 otherwise, where
/// scikit-learn's floating-point mean can make the denominator a tiny non-zero number.
public struct RegressionTally: Sendable, Hashable {
    /// Rows counted.
    public internal(set) var count = 0
    var absoluteErrors = 0.0
    var squaredErrors = 0.0
    var errors = 0.0
    var percentageErrors = 0.0
    var truthMean = 0.0
    var truthM2 = 0.0

    /// An empty tally.
    public init() {}

    /// Adds a row of finite `truth` and `predicted` (`weight` −1 takes one out).
    public mutating func add(truth: Double, predicted: Double, weight: Int = 1) {
        let w = Double(weight)
        let error = predicted - truth
        absoluteErrors += w * abs(error)
        squaredErrors += w * error * error
        errors += w * error
        percentageErrors += w * abs(error) / max(abs(truth), .ulpOfOne)
        let total = count + weight
        if total == 0 {
            (truthMean, truthM2) = (0, 0)
        } else {
            let delta = truth - truthMean
            truthMean += w * delta / Double(total)
            truthM2 = max(truthM2 + w * delta * (truth - truthMean), 0)
        }
        count = total
    }

    /// Adds everything `other` counted.
    public mutating func merge(_ other: RegressionTally) {
        let total = count + other.count
        absoluteErrors += other.absoluteErrors
        squaredErrors += other.squaredErrors
        errors += other.errors
        percentageErrors += other.percentageErrors
        if total == 0 {
            (truthMean, truthM2) = (0, 0)
        } else {
            let delta = other.truthMean - truthMean
            let mean = truthMean + delta * Double(other.count) / Double(total)
            truthM2 = max(
                truthM2 + other.truthM2 + delta * delta * Double(count) * Double(other.count) / Double(total), 0)
            truthMean = mean
        }
        count = total
    }

    /// The metrics of the rows counted; throws without rows.
    public func metrics() throws(UndefinedStatistic) -> RegressionMetrics {
        guard count > 0 else { throw UndefinedStatistic("no predictions") }
        let n = Double(count)
        let mse = squaredErrors / n
        let r2: Result<Double, UndefinedStatistic>
        if count < 2 {
            r2 = .failure(UndefinedStatistic("R² needs at least two samples"))
        } else {
            r2 = .success(
                truthM2 == 0 ? (squaredErrors == 0 ? 1 : 0) : (squaredErrors == 0 ? 1 : 1 - squaredErrors / truthM2))
        }
        return RegressionMetrics(
            mae: .success(absoluteErrors / n), mse: .success(mse), rmse: .success(mse.squareRoot()),
            mape: .success(percentageErrors / n), r2: r2, meanError: .success(errors / n))
    }
}
