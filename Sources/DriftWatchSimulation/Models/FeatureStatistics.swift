import DriftWatchCore

/// What a demo model's clean training data looks like for one feature: the scale that drift
/// magnitudes are measured in, and the category frequencies that categorical drift departs from.
public struct FeatureStatistics: Sendable, Hashable {
    /// The feature's name.
    public let name: String
    /// The mean of a numeric feature (0 for a categorical one).
    public let mean: Double
    /// The population standard deviation of a numeric feature (0 for a categorical one).
    public let standardDeviation: Double
    /// A categorical feature's share of each category, in ``SimulatedFeature/categories`` order.
    public let categoryShares: [Double]

    /// Statistics of `values`, the feature's column in the training rows.
    init(feature: SimulatedFeature, values: [FeatureValue]) {
        name = feature.name
        if feature.type == .numeric {
            let numbers = values.compactMap(\.finiteNumber)
            let count = Double(max(numbers.count, 1))
            let mean = numbers.reduce(0, +) / count
            let variance = numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count
            self.mean = mean
            standardDeviation = variance.squareRoot()
            categoryShares = []
        } else {
            var counts = [Double](repeating: 0, count: feature.categories.count)
            for case .text(let text) in values {
                if let index = feature.categories.firstIndex(of: text) { counts[index] += 1 }
            }
            let total = max(counts.reduce(0, +), 1)
            mean = 0
            standardDeviation = 0
            categoryShares = counts.map { $0 / total }
        }
    }
}
