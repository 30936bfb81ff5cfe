import Foundation

/// A validated scenario bound to one demo model: the configuration with its defaults filled in
/// and its feature names resolved.
///
/// ```swift
/// let drift = try Scenario(ScenarioConfiguration(type: .suddenDrift, magnitude: 2, startSeconds: 600), model: fraud)
/// let stream = TrafficStream(model: fraud, scenarios: [drift], configuration: configuration)
/// ```
public struct Scenario: Sendable {
    /// The configuration as given.
    public let configuration: ScenarioConfiguration
    /// The model it applies to.
    public let modelID: String
    /// The features it changes, resolved from the configuration or the model's defaults.
    public let affectedFeatures: [String]

    /// The positions of ``affectedFeatures`` in the model's features.
    let featureIndices: [Int]
    /// Per affected feature: how a value is moved or corrupted.
    let targets: [FeatureTarget]
    let magnitude: Double

    /// Validates `configuration` and binds it to `model`.
    ///
    /// - Throws: ``SimulationConfigurationError`` naming the field at fault: any error of
    ///   ``ScenarioConfiguration/validate()``, a feature the model does not have
    ///   (`features[i]`), or a `unit_factor` with no numeric feature to apply it to.
    public init(_ configuration: ScenarioConfiguration, model: DemoModel) throws(SimulationConfigurationError) {
        try configuration.validate()
        let names = configuration.features ?? model.defaultFeatures(for: configuration.type)
        var indices: [Int] = []
        for (position, name) in names.enumerated() {
            guard let index = model.featureIndex(named: name) else {
                let known = model.features.map(\.name).joined(separator: ", ")
                throw SimulationConfigurationError(
                    field: "features[\(position)]",
                    message: "the \(model.id) model has no feature '\(name)'; it has \(known)")
            }
            indices.append(index)
        }
        if configuration.unitFactor != nil, !indices.contains(where: { model.features[$0].type == .numeric }) {
            throw SimulationConfigurationError(
                field: "unit_factor", message: "needs a numeric feature among the features")
        }
        self.configuration = configuration
        modelID = model.id
        affectedFeatures = names
        featureIndices = indices
        targets = indices.map { FeatureTarget(feature: model.features[$0], statistics: model.featureStatistics[$0]) }
        magnitude = configuration.effectiveMagnitude
    }

    /// The scenario's kind.
    public var kind: ScenarioKind { configuration.type }

    /// How strongly the scenario acts `offset` seconds after the traffic starts, in [0, 1]: 0
    /// outside its window, rising linearly over the duration for the ramped kinds.
    public func intensity(atOffset offset: Double) -> Double {
        let start = configuration.startSeconds
        guard offset >= start else { return 0 }
        guard let duration = configuration.durationSeconds else { return 1 }
        if kind.ramps { return min(1, (offset - start) / duration) }
        return offset < start + duration ? 1 : 0
    }
}

/// One affected feature, with what a scenario needs to move or corrupt its values.
struct FeatureTarget: Sendable {
    let feature: SimulatedFeature
    let statistics: FeatureStatistics
    /// Categories in the reverse order of their training shares, which categorical drift
    /// draws from.
    let reversed: CategoricalDistribution?

    init(feature: SimulatedFeature, statistics: FeatureStatistics) {
        self.feature = feature
        self.statistics = statistics
        if feature.type == .categorical {
            // A floor keeps categories that never appeared in training reachable.
            reversed = CategoricalDistribution(
                categories: feature.categories, shares: statistics.categoryShares.reversed().map { max($0, 1e-3) })
        } else {
            reversed = nil
        }
    }
}
