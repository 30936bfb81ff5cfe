extension ScenarioConfiguration {
    /// Checks everything that does not depend on the model; the first problem found is thrown,
    /// naming its field. ``Scenario/init(_:model:)`` runs this and then checks the feature
    /// names against the model.
    ///
    /// ```swift
    /// try ScenarioConfiguration(type: .gradualDrift).validate()
    /// // duration_seconds: is required for gradual_drift (the time the shift takes)
    /// ```
    public func validate() throws(SimulationConfigurationError) {
        try check(startSeconds.isFinite && startSeconds >= 0, "start_seconds", "must be 0 or more, got \(startSeconds)")
        if let durationSeconds {
            try check(
                durationSeconds.isFinite && durationSeconds > 0, "duration_seconds",
                "must be positive, got \(durationSeconds)")
        } else if type == .gradualDrift {
            throw SimulationConfigurationError(
                field: "duration_seconds", message: "is required for gradual_drift (the time the shift takes)")
        }
        try check(rate.isFinite && rate > 0 && rate <= 1, "rate", "must be in (0, 1], got \(rate)")
        try validateFeatures()
        try validateMagnitude()
        try validateOwnFields()
    }

    private func validateFeatures() throws(SimulationConfigurationError) {
        guard let features else { return }
        try check(type.touchesFeatures, "features", "does not apply to \(type.rawValue), which changes no feature")
        try check(!features.isEmpty, "features", "must name at least one feature (leave it out for the defaults)")
        var seen: Set<String> = []
        for (index, name) in features.enumerated() {
            try check(!name.isEmpty, "features[\(index)]", "is empty")
            try check(seen.insert(name).inserted, "features[\(index)]", "'\(name)' is listed twice")
        }
    }

    private func validateMagnitude() throws(SimulationConfigurationError) {
        guard let magnitude else { return }
        switch type {
        case .gradualDrift, .suddenDrift:
            try check(magnitude.isFinite && magnitude != 0, "magnitude", "must be a non-zero number, got \(magnitude)")
        case .latencySpike:
            try check(
                magnitude.isFinite && magnitude > 0, "magnitude", "must be a positive multiplier, got \(magnitude)")
        case .conceptDrift:
            try check(magnitude > 0 && magnitude <= 2, "magnitude", "must be in (0, 2], got \(magnitude)")
        case .dataQuality:
            throw SimulationConfigurationError(
                field: "magnitude",
                message:
                    "does not apply to data_quality; set missing_rate, outlier_rate, unseen_category_rate or unit_factor"
            )
        case .labelDelay:
            throw SimulationConfigurationError(
                field: "magnitude", message: "does not apply to label_delay; set label_delay_seconds or label_drop_rate"
            )
        }
    }

    /// Each kind-specific field belongs to one type and has its own range.
    private func validateOwnFields() throws(SimulationConfigurationError) {
        let owned: [(name: String, value: Double?, owner: ScenarioKind)] = [
            ("missing_rate", missingRate, .dataQuality), ("outlier_rate", outlierRate, .dataQuality),
            ("unseen_category_rate", unseenCategoryRate, .dataQuality), ("unit_factor", unitFactor, .dataQuality),
            ("error_rate", errorRate, .latencySpike), ("label_delay_seconds", labelDelaySeconds, .labelDelay),
            ("label_drop_rate", labelDropRate, .labelDelay),
        ]
        for field in owned where field.value != nil && field.owner != type {
            throw SimulationConfigurationError(
                field: field.name, message: "applies only to \(field.owner.rawValue), not to \(type.rawValue)")
        }
        for (name, value) in [
            ("missing_rate", missingRate), ("outlier_rate", outlierRate), ("unseen_category_rate", unseenCategoryRate),
            ("error_rate", errorRate), ("label_drop_rate", labelDropRate),
        ] {
            if let value { try check(value >= 0 && value <= 1, name, "must be in [0, 1], got \(value)") }
        }
        if let unitFactor {
            try check(
                unitFactor.isFinite && unitFactor > 0 && unitFactor != 1, "unit_factor",
                "must be a positive factor other than 1, got \(unitFactor)")
        }
        if let labelDelaySeconds {
            try check(
                labelDelaySeconds.isFinite && labelDelaySeconds >= 0, "label_delay_seconds",
                "must be 0 or more, got \(labelDelaySeconds)")
        }
        if type == .dataQuality {
            let quality = dataQualityRates
            try check(quality.missing + quality.outliers <= 1, "outlier_rate", "missing_rate + outlier_rate exceeds 1")
            try check(
                quality.missing + quality.unseen <= 1, "unseen_category_rate",
                "missing_rate + unseen_category_rate exceeds 1")
            try check(
                quality.missing + quality.outliers + quality.unseen > 0 || unitFactor != nil, "missing_rate",
                "data_quality with every rate 0 and no unit_factor changes nothing")
        }
        if type == .labelDelay {
            let labels = labelChanges
            try check(
                labels.delay > 0 || labels.dropRate > 0, "label_delay_seconds",
                "label_delay with no delay and no dropped labels changes nothing")
        }
    }

    private func check(_ condition: Bool, _ field: String, _ message: String) throws(SimulationConfigurationError) {
        if !condition { throw SimulationConfigurationError(field: field, message: message) }
    }
}

extension ScenarioConfiguration {
    /// The magnitude in force: the configured one, or the type's default.
    var effectiveMagnitude: Double {
        if let magnitude { return magnitude }
        switch type {
        case .gradualDrift, .suddenDrift: return 2
        case .latencySpike: return 5
        case .conceptDrift: return 1.5
        case .dataQuality, .labelDelay: return 0
        }
    }

    /// data_quality's rates in force: the defaults when none is given, else 0 for those left out.
    var dataQualityRates: (missing: Double, outliers: Double, unseen: Double) {
        if missingRate == nil && outlierRate == nil && unseenCategoryRate == nil && unitFactor == nil {
            return (0.2, 0.05, 0.1)
        }
        return (missingRate ?? 0, outlierRate ?? 0, unseenCategoryRate ?? 0)
    }

    /// label_delay's changes in force: the defaults when neither is given, else 0 for the other.
    var labelChanges: (delay: Double, dropRate: Double) {
        if labelDelaySeconds == nil && labelDropRate == nil { return (3_600, 0) }
        return (labelDelaySeconds ?? 0, labelDropRate ?? 0)
    }

    /// latency_spike's error rate in force.
    var effectiveErrorRate: Double { errorRate ?? 0.05 }
}
