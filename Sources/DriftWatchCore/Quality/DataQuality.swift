/// Data quality of a window of events, feature by feature, judged against the reference.
///
/// Per feature: missing values; for numbers, values outside the reference's range and outliers
/// beyond its IQR fences (Q1 − 1.5·IQR, Q3 + 1.5·IQR, quartiles by linear interpolation as
/// numpy's default); for categories, values the reference never had. The model's score is
/// 1 − the mean over features of the share of values with any of these problems (outliers and
/// out-of-range values counted once).
public struct DataQuality: Sendable, Hashable {
    /// One feature's quality.
    public struct Feature: Sendable, Hashable {
        public var name: String
        public var kind: ColumnKind
        /// Values in the window, missing included.
        public var count: Int
        public var missing: Int
        /// Numbers below the reference's minimum or above its maximum.
        public var outOfRange: Int
        /// Numbers beyond the reference's IQR fences.
        public var outliers: Int
        /// Categories the reference does not have.
        public var unseen: Int

        /// Missing values / count (0 for no values).
        public var missingRate: Double { count == 0 ? 0 : Double(missing) / Double(count) }
        /// Outliers / present values.
        public var outlierRate: Double { count - missing == 0 ? 0 : Double(outliers) / Double(count - missing) }
        /// Unseen categories / present values.
        public var unseenRate: Double { count - missing == 0 ? 0 : Double(unseen) / Double(count - missing) }
        /// Values with a problem / count.
        public var problemRate: Double {
            count == 0 ? 0 : Double(missing + max(outliers, outOfRange) + unseen) / Double(count)
        }
    }

    /// Features of the window, in the window's order.
    public var features: [Feature]
    /// 1 − mean problem rate; 1 when there are no features.
    public var score: Double

    /// Judges `current` (a window's columns) against `reference` (when there is one: without it
    /// only missing values count).
    public static func evaluate(current: [ReferenceDataset.Column], reference: ReferenceDataset?) -> DataQuality {
        let referenceColumns = Dictionary(
            (reference?.columns ?? []).map { ($0.name, $0) }
        ) { first, _ in first }
        let features = current.map { column in
            evaluate(column, against: referenceColumns[column.name])
        }
        let score = features.isEmpty ? 1 : 1 - features.map(\.problemRate).reduce(0, +) / Double(features.count)
        return DataQuality(features: features, score: score)
    }

    private static func evaluate(_ column: ReferenceDataset.Column, against reference: ReferenceDataset.Column?)
        -> Feature
    {
        var feature = Feature(
            name: column.name, kind: column.kind, count: column.missing, missing: column.missing, outOfRange: 0,
            outliers: 0, unseen: 0)
        switch (column.values, reference?.values) {
        case (.numbers(let numbers), let referenceValues):
            feature.count += numbers.count
            guard case .numbers(let referenceNumbers)? = referenceValues, let bounds = Bounds(referenceNumbers) else {
                break
            }
            for value in numbers {
                if value < bounds.minimum || value > bounds.maximum { feature.outOfRange += 1 }
                if value < bounds.lowFence || value > bounds.highFence { feature.outliers += 1 }
            }
        case (.categories(let tally), let referenceValues):
            feature.count += tally.counts.values.reduce(0, +)
            guard case .categories(let known)? = referenceValues else { break }
            feature.unseen = tally.counts.filter { known.counts[$0.key] == nil }.values.reduce(0, +)
        }
        return feature
    }

    /// What a reference column allows: its range, and Tukey's fences 1.5 IQR beyond its
    /// quartiles (numpy's linear quantiles).
    struct Bounds {
        var minimum: Double
        var maximum: Double
        var lowFence: Double
        var highFence: Double

        /// Nil for an empty column.
        init?(_ values: [Double]) {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            let q1 = DataQuality.quantile(sorted, 0.25)
            let q3 = DataQuality.quantile(sorted, 0.75)
            minimum = sorted[0]
            maximum = sorted[sorted.count - 1]
            lowFence = q1 - 1.5 * (q3 - q1)
            highFence = q3 + 1.5 * (q3 - q1)
        }
    }

    /// numpy's default (linear) quantile of sorted values.
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
