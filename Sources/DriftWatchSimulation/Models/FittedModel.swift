/// The estimator a demo model fitted on its training data.
public enum FittedModel: Sendable, Hashable {
    /// A binary classifier; class 1 when its probability is at least 0.5.
    case logistic(LogisticRegression)
    /// A regressor.
    case ridge(RidgeRegression)

    /// The estimator's weights, one per encoded column.
    public var coefficients: [Double] {
        switch self {
        case .logistic(let model): model.coefficients
        case .ridge(let model): model.coefficients
        }
    }

    /// The estimator's intercept.
    public var intercept: Double {
        switch self {
        case .logistic(let model): model.intercept
        case .ridge(let model): model.intercept
        }
    }
}
