/// Errors of a regression model against known targets, as scikit-learn 1.9 computes them.
///
/// With eᵢ = ŷᵢ − yᵢ:
/// - `mae` = mean|eᵢ|, `mse` = mean eᵢ², `rmse` = √mse (`mean_absolute_error`,
///   `mean_squared_error`, `root_mean_squared_error`);
/// - `mape` = mean(|eᵢ| / max(|yᵢ|, ε)), ε = 2.22e−16 (`mean_absolute_percentage_error`: a
///   zero target gives a huge term rather than an error);
/// - `r2` = 1 − Σeᵢ²/Σ(yᵢ − ȳ)² (`r2_score`, default `force_finite=True`): an exactly zero
///   denominator gives 1 for a perfect fit and 0 otherwise, fewer than two samples are
///   undefined. The test is for exact zero after numpy's rounding, so a constant target
///   whose mean is not exactly that constant (0.1 seven times) gives a huge negative R², as
///   scikit-learn does;
/// - `mean_error` = mean eᵢ, the bias (positive when the model over-predicts).
///
/// Sums are pairwise in numpy's order (`NumpyPairwiseSum`), which the R² edge case needs
/// bit for bit. Checked against scikit-learn to 1e−9 on
/// `Tests/DriftStatsTests/Fixtures/performance.json` (observed: identical).
public struct RegressionMetrics: Sendable, Hashable, NamedMetrics {
    /// Mean absolute error.
    public var mae: Result<Double, UndefinedStatistic>
    /// Mean squared error.
    public var mse: Result<Double, UndefinedStatistic>
    /// Root mean squared error.
    public var rmse: Result<Double, UndefinedStatistic>
    /// Mean absolute percentage error, as a fraction (0.1 is 10 %).
    public var mape: Result<Double, UndefinedStatistic>
    /// The coefficient of determination.
    public var r2: Result<Double, UndefinedStatistic>
    /// The mean of prediction minus target.
    public var meanError: Result<Double, UndefinedStatistic>

    /// The metrics under the names `mae, mse, rmse, mape, r2, mean_error`.
    public var results: [(name: String, result: Result<Double, UndefinedStatistic>)] {
        [("mae", mae), ("mse", mse), ("rmse", rmse), ("mape", mape), ("r2", r2), ("mean_error", meanError)]
    }

    /// Computes every metric; throws when the arrays are empty, differ in length or hold NaN
    /// or infinity (where scikit-learn raises for every metric).
    public static func compute(truth: [Double], predicted: [Double]) throws(UndefinedStatistic) -> RegressionMetrics {
        guard truth.count == predicted.count else {
            throw UndefinedStatistic("\(truth.count) targets but \(predicted.count) predictions")
        }
        guard !truth.isEmpty else { throw UndefinedStatistic("no predictions") }
        guard truth.allSatisfy({ $0.isFinite }), predicted.allSatisfy({ $0.isFinite }) else {
            throw UndefinedStatistic("the values contain NaN or infinity")
        }
        // One buffer holds each per-sample term in turn for numpy's pairwise sum.
        var terms = [Double](repeating: 0, count: truth.count)
        func sum(_ term: (Double, Double) -> Double) -> Double {
            for i in terms.indices { terms[i] = term(truth[i], predicted[i]) }
            return NumpyPairwiseSum.sum(terms)
        }
        let n = Double(truth.count)
        let residual = sum { ($0 - $1) * ($0 - $1) }
        let mse = residual / n
        let r2: Result<Double, UndefinedStatistic>
        if truth.count < 2 {
            r2 = .failure(UndefinedStatistic("R² needs at least two samples"))
        } else {
            let mean = NumpyPairwiseSum.mean(truth)
            let total = sum { t, _ in (t - mean) * (t - mean) }
            r2 = .success(total == 0 ? (residual == 0 ? 1 : 0) : (residual == 0 ? 1 : 1 - residual / total))
        }
        return RegressionMetrics(
            mae: .success(sum { abs($1 - $0) } / n), mse: .success(mse), rmse: .success(mse.squareRoot()),
            mape: .success(sum { abs($1 - $0) / max(abs($0), .ulpOfOne) } / n), r2: r2,
            meanError: .success(sum { $1 - $0 } / n))
    }
}
