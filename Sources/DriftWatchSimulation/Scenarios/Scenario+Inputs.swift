import DriftWatchCore

extension Scenario {
    /// Moves the affected features of a clean record (gradual and sudden drift): a numeric
    /// value by magnitude × intensity training standard deviations, a categorical value, with
    /// probability min(1, |magnitude| × intensity / 4), to a category drawn from the reversed
    /// shares. The true outcome is then computed from the moved values: the world changed,
    /// not only its record.
    func shiftInputs(_ record: inout SimulatedRecord, intensity: Double, random: inout SimulationRandom) {
        for (index, target) in zip(featureIndices, targets) {
            switch target.feature.type {
            case .numeric:
                guard let value = record.values[index].finiteNumber else { continue }
                let shifted = value + magnitude * intensity * target.statistics.standardDeviation
                record.values[index] = .number(target.feature.isInteger ? shifted.rounded() : shifted)
            case .categorical:
                let moves = random.uniform() < min(1, abs(magnitude) * intensity / 4)
                let category = target.reversed.map { $0.draw(&random) }
                if moves, let category { record.values[index] = .text(category) }
            }
        }
    }

    /// Changes the true effect of the affected features (concept drift): each effect is
    /// multiplied by 1 − magnitude × intensity.
    func changeEffects(_ scales: inout [Double], intensity: Double) {
        for index in featureIndices { scales[index] = 1 - magnitude * intensity }
    }

    /// Corrupts the logged copy of the affected features (data quality): values go missing,
    /// numbers become outliers 6 to 12 standard deviations from the mean or change unit,
    /// categories become ones the model never saw. The true outcome is untouched, since only
    /// the pipeline broke.
    func corrupt(_ values: inout [FeatureValue], intensity: Double, random: inout SimulationRandom) {
        let rates = configuration.dataQualityRates
        let missing = rates.missing * intensity
        for (index, target) in zip(featureIndices, targets) {
            let u = random.uniform()
            let detail = random.uniform()
            let sign = random.uniform() < 0.5 ? -1.0 : 1.0
            let unitChange = random.uniform() < intensity
            if u < missing {
                values[index] = .missing
                continue
            }
            switch target.feature.type {
            case .numeric:
                guard let value = values[index].finiteNumber else { continue }
                if u < missing + rates.outliers * intensity {
                    let statistics = target.statistics
                    let outlier = statistics.mean + sign * (6 + 6 * detail) * statistics.standardDeviation
                    values[index] = .number(target.feature.isInteger ? outlier.rounded() : outlier)
                } else if let factor = configuration.unitFactor, unitChange {
                    values[index] = .number(value * factor)
                }
            case .categorical:
                if u < missing + rates.unseen * intensity {
                    values[index] = .text("new_category_\(1 + Int(detail * 3))")
                }
            }
        }
    }
}
