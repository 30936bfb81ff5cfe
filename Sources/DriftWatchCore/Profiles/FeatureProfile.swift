import DriftStats

/// What one feature looked like in a time bucket: numbers as moments and quantiles, categories
/// as their most frequent values, and how often the value was missing.
///
/// Every part merges, so buckets roll up into longer windows without the raw events.
public struct FeatureProfile: Sendable, Equatable {
    /// Numeric values: count, mean, variance, extremes.
    public var moments: MomentsSketch
    /// Numeric values: quantiles and the CDF (drift tests, histograms on any edges).
    public var quantiles: KLLSketch
    /// Categorical values: the most frequent ones with their counts.
    public var categories: SpaceSavingSketch
    /// Null, NaN, ±∞ or absent while the event had features.
    public var missing: Int
    /// Values whose type broke the model's schema (a category where a number was declared, …).
    public var typeViolations: Int
    /// Categorical values counted when the category sketch was not decoded (a summary read).
    var summarizedCategories = 0

    /// The quantile sketch's accuracy parameter; ~1.3 % rank error at 99 % confidence.
    public static let quantileK = 200
    /// Categories tracked exactly per bucket; beyond this the counts are Space-Saving estimates.
    public static let categoryCapacity = 64

    /// An empty profile.
    public init() {
        moments = MomentsSketch()
        quantiles = KLLSketch(k: Self.quantileK)
        categories = SpaceSavingSketch(capacity: Self.categoryCapacity)
        missing = 0
        typeViolations = 0
    }

    /// Present values (numbers and categories).
    public var present: Int { moments.count + categories.count + summarizedCategories }

    /// Adds one value.
    public mutating func add(_ value: FeatureValue) {
        switch value {
        case .number(let number) where number.isFinite:
            moments.add(number)
            quantiles.add(number)
        case .number, .missing: missing += 1
        case .text(let text): categories.add(text)
        }
    }

    /// Adds everything `other` saw.
    public mutating func merge(_ other: FeatureProfile) {
        moments.merge(other.moments)
        quantiles.merge(other.quantiles)
        categories.merge(other.categories)
        missing += other.missing
        typeViolations += other.typeViolations
        summarizedCategories += other.summarizedCategories
    }
}

extension FeatureProfile {
    /// The values as category counts, for comparing with a categorical reference: categories
    /// from the frequent-items sketch (exact up to ``categoryCapacity`` distinct values), and
    /// numbers by their label while the quantile sketch still holds every value. Numbers
    /// summarised beyond that cannot be listed and are left out.
    public var tally: CategoryTally {
        var counts: [String: Int] = [:]
        for estimate in categories.estimates { counts[estimate.item, default: 0] += estimate.count }
        if quantiles.isExact && !quantiles.isEmpty {
            let view = quantiles.sortedView()
            var previous = 0
            for (value, cumulative) in zip(view.values, view.cumulativeWeights) {
                counts[FeatureValue.label(value), default: 0] += cumulative - previous
                previous = cumulative
            }
        }
        return CategoryTally(counts: counts, missing: missing)
    }
}
