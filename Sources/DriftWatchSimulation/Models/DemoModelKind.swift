/// The built-in demo models.
public enum DemoModelKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A card-fraud classifier: logistic regression on transaction features, about 3 % fraud.
    case fraud
    /// A house-price regressor: ridge regression on property features.
    case price
    /// A customer-churn classifier: logistic regression on account features, about 26 % churn.
    case churn
}
