extension DemoModel {
    /// The features a scenario of `kind` affects when its configuration names none: the ones
    /// whose failure is most plausible and most visible for this model. Empty for the kinds
    /// that change no feature.
    public func defaultFeatures(for kind: ScenarioKind) -> [String] {
        switch (self.kind, kind) {
        case (_, .latencySpike), (_, .labelDelay): []
        case (.fraud, .gradualDrift), (.fraud, .suddenDrift): ["amount", "distance_from_home"]
        case (.fraud, .dataQuality): ["amount", "merchant_category", "device_age_days"]
        case (.fraud, .conceptDrift): ["merchant_category", "card_present", "device_age_days"]
        case (.price, .gradualDrift), (.price, .suddenDrift): ["sqft", "age_years"]
        case (.price, .dataQuality): ["sqft", "neighborhood"]
        case (.price, .conceptDrift): ["sqft", "neighborhood"]
        case (.churn, .gradualDrift), (.churn, .suddenDrift): ["monthly_charges", "tenure_months"]
        case (.churn, .dataQuality): ["monthly_charges", "payment_method"]
        case (.churn, .conceptDrift): ["tenure_months", "contract"]
        }
    }
}
