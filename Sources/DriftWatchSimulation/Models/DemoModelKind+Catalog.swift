extension DemoModelKind {
    /// A one-line description for the model registry.
    public var summary: String {
        switch self {
        case .fraud: "Demo: card-fraud classifier (logistic regression), about 3 % fraud"
        case .price: "Demo: house-price regressor (ridge regression)"
        case .churn: "Demo: customer-churn classifier (logistic regression), about 26 % churn"
        }
    }

    /// The version string its events carry.
    var version: String { "demo-1" }

    /// Serving latency: a scoring call on transactions is fast, a price estimate slower.
    var latency: LatencyProfile {
        switch self {
        case .fraud: LatencyProfile(medianMilliseconds: 12, sigma: 0.35, errorRate: 0.002)
        case .price: LatencyProfile(medianMilliseconds: 45, sigma: 0.4, errorRate: 0.003)
        case .churn: LatencyProfile(medianMilliseconds: 8, sigma: 0.3, errorRate: 0.001)
        }
    }

    /// Label delays short enough for a demo dashboard to show performance within minutes.
    var labelTiming: LabelTiming {
        switch self {
        case .fraud: LabelTiming(medianDelaySeconds: 30, sigma: 0.5, coverage: 1)
        case .price: LabelTiming(medianDelaySeconds: 20, sigma: 0.5, coverage: 1)
        case .churn: LabelTiming(medianDelaySeconds: 60, sigma: 0.5, coverage: 1)
        }
    }

    /// The generator of its data.
    var generator: any DemoDataGenerator {
        switch self {
        case .fraud: FraudGenerator()
        case .price: PriceGenerator()
        case .churn: ChurnGenerator()
        }
    }

    /// The L2 penalty of its estimator: scikit-learn's `C` for the classifiers, `alpha` for
    /// the regressor (both scikit-learn's defaults).
    var regularization: Double { 1 }
}
