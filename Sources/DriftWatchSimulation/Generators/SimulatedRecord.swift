import DriftWatchCore

/// One row of a demo model's inputs: feature values in the model's feature order and segment
/// values in its segment-key order.
struct SimulatedRecord: Sendable, Hashable {
    /// The features, in ``DemoDataGenerator/features`` order.
    var values: [FeatureValue]
    /// The segments, in ``DemoDataGenerator/segmentKeys`` order.
    var segments: [String]

    /// The value of feature `index` as a number; NaN when missing or not a number.
    func number(_ index: Int) -> Double { values[index].finiteNumber ?? .nan }

    /// The value of feature `index` as a category; empty when missing or not text.
    func category(_ index: Int) -> String { values[index].categoryText ?? "" }
}
