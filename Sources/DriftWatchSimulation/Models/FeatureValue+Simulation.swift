import DriftWatchCore

extension FeatureValue {
    /// The number, when the value is a finite number.
    var finiteNumber: Double? {
        if case .number(let value) = self, value.isFinite { return value }
        return nil
    }

    /// The category, when the value is text.
    var categoryText: String? {
        if case .text(let value) = self { return value }
        return nil
    }
}
