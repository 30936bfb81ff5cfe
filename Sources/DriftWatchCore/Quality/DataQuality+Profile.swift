import DriftStats

extension DataQuality {
    /// Judges a window's profile against `reference`, as ``evaluate(current:reference:)`` judges
    /// its values: counts below a bound are read from the window's quantile sketch, so they are
    /// within its rank error (~1.3 % of the window) of the exact counts; category counts are
    /// exact up to ``FeatureProfile/categoryCapacity`` distinct values. Type violations
    /// against the model's schema are reported per feature.
    public static func evaluate(profile: TrafficProfile, reference: ReferenceDataset?) -> DataQuality {
        let referenceColumns = Dictionary(
            (reference?.columns ?? []).map { ($0.name, $0) }
        ) { first, _ in first }
        let features = profile.features.keys.sorted().map { name in
            evaluate(profile.features[name]!, name: name, against: referenceColumns[name])
        }
        let score = features.isEmpty ? 1 : 1 - features.map(\.problemRate).reduce(0, +) / Double(features.count)
        return DataQuality(features: features, score: score)
    }

    private static func evaluate(_ profile: FeatureProfile, name: String, against reference: ReferenceDataset.Column?)
        -> Feature
    {
        let numeric = profile.categories.count == 0 && (profile.quantiles.count > 0 || reference?.kind == .numeric)
        var feature = Feature(
            name: name, kind: numeric ? .numeric : .categorical, count: profile.present + profile.missing,
            missing: profile.missing, outOfRange: 0, outliers: 0, unseen: 0)
        switch reference?.values {
        case .numbers(let referenceNumbers)? where profile.quantiles.count > 0:
            guard let bounds = Bounds(referenceNumbers) else { break }
            feature.outOfRange = count(profile.quantiles, below: bounds.minimum, above: bounds.maximum)
            feature.outliers = count(profile.quantiles, below: bounds.lowFence, above: bounds.highFence)
        case .categories(let known)?:
            feature.unseen = profile.categories.estimates.filter { known.counts[$0.item] == nil }.map(\.count)
                .reduce(0, +)
        default: break
        }
        return feature
    }

    /// Values < `low` or > `high`, from the sketch's CDF.
    private static func count(_ sketch: KLLSketch, below low: Double, above high: Double) -> Int {
        let n = Double(sketch.count)
        let under = sketch.rank(low.nextDown)
        let over = 1 - sketch.rank(high)
        return Int((n * (max(under, 0) + max(over, 0))).rounded())
    }
}
