import DriftWatchCore

/// Turns a demo model's feature values into the columns of its fitted model: numeric features
/// transformed and standardised with the training mean and standard deviation, categorical
/// features one-hot over the training categories.
///
/// Production data can be broken, so encoding never fails: a missing or non-numeric value of
/// a numeric feature takes the training mean (0 after standardisation), and a category the
/// training data did not have gets no column at all.
struct FeatureEncoder: Sendable {
    /// The first column of each feature.
    private let offsets: [Int]
    private let features: [SimulatedFeature]
    private let means: [Double]
    private let scales: [Double]
    /// The number of columns.
    let columnCount: Int

    /// An encoder fitted on `rows`, each in `features` order.
    init(features: [SimulatedFeature], rows: [[FeatureValue]]) {
        self.features = features
        var offsets: [Int] = []
        var means: [Double] = []
        var scales: [Double] = []
        var column = 0
        for (index, feature) in features.enumerated() {
            offsets.append(column)
            switch feature.type {
            case .numeric:
                let values = rows.compactMap { $0[index].finiteNumber }.map { Self.transform($0, feature.encoding) }
                let count = Double(max(values.count, 1))
                let mean = values.reduce(0, +) / count
                let deviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count).squareRoot()
                means.append(mean)
                scales.append(deviation > 0 ? deviation : 1)
                column += 1
            case .categorical:
                means.append(0)
                scales.append(1)
                column += feature.categories.count
            }
        }
        self.offsets = offsets
        self.means = means
        self.scales = scales
        columnCount = column
    }

    /// The columns of one row of values.
    func encode(_ values: [FeatureValue]) -> [Double] {
        var row = [Double](repeating: 0, count: columnCount)
        forEachColumn(of: values) { row[$0] = $1 }
        return row
    }

    /// intercept + Σ columns·weights, without building the row.
    func score(_ values: [FeatureValue], intercept: Double, weights: [Double]) -> Double {
        var total = intercept
        forEachColumn(of: values) { total += weights[$0] * $1 }
        return total
    }

    /// Calls `body` with each non-zero column of `values` and its value.
    private func forEachColumn(of values: [FeatureValue], _ body: (Int, Double) -> Void) {
        for (index, feature) in features.enumerated() {
            switch feature.type {
            case .numeric:
                guard let number = values[index].finiteNumber else { continue }
                body(offsets[index], (Self.transform(number, feature.encoding) - means[index]) / scales[index])
            case .categorical:
                let label: String
                switch values[index] {
                case .text(let text): label = text
                case .number(let number): label = FeatureValue.label(number)
                case .missing: continue
                }
                // A linear scan: a handful of short strings compare faster than they hash.
                if let position = feature.categories.firstIndex(of: label) { body(offsets[index] + position, 1) }
            }
        }
    }

    private static func transform(_ value: Double, _ encoding: SimulatedFeature.Encoding) -> Double {
        switch encoding {
        case .identity: value
        case .logarithm: PortableMath.log(1 + max(value, 0))
        }
    }
}
