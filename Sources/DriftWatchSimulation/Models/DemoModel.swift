import DriftWatchCore
import Foundation

/// A built-in demo model: its data generator, the true relation behind its outcome, and a real
/// model fitted on generated training data.
///
/// ```swift
/// let fraud = try DemoModel(.fraud)
/// let definition = fraud.definition(createdAt: .now)
/// let stream = try TrafficStream(
///     model: fraud, configuration: TrafficConfiguration(start: .now, limit: .count(1_000)))
/// ```
///
/// Building one draws the training rows and fits the model, in well under a second. The
/// same `seed` gives the same training data and so the same fitted coefficients.
public struct DemoModel: Sendable {
    /// Which demo model this is.
    public let kind: DemoModelKind
    /// The model id its events carry (`model_id`).
    public let id: String
    /// The model version its events carry (`model_version`).
    public let version: String
    /// The input features, in the order rows and reference files list them.
    public let features: [SimulatedFeature]
    /// The segment keys its events carry.
    public let segmentKeys: [String]
    /// Mean, standard deviation and category shares of each feature in the training data;
    /// drift magnitudes are in units of these standard deviations.
    public let featureStatistics: [FeatureStatistics]
    /// The estimator fitted on the training data.
    public let fittedModel: FittedModel
    /// How fast it answers and how often it fails.
    public let latency: LatencyProfile
    /// When its labels arrive.
    public let labelTiming: LabelTiming

    let generator: any DemoDataGenerator
    let truth: TruthRelation
    let encoder: FeatureEncoder

    /// What the model predicts.
    public var task: ModelTask { kind == .price ? .regression : .binary }

    /// The features and segment keys its events carry.
    public var schema: ModelSchema {
        ModelSchema(
            features: Dictionary(uniqueKeysWithValues: features.map { ($0.name, $0.type) }),
            segments: Set(segmentKeys))
    }

    /// The model's declaration for the server's model registry.
    public func definition(createdAt: Date) -> ModelDefinition {
        ModelDefinition(
            id: id, task: task, schema: schema, origin: .declared, description: kind.summary, createdAt: createdAt)
    }

    /// The position of the feature called `name`, if the model has one.
    public func featureIndex(named name: String) -> Int? { features.firstIndex { $0.name == name } }

    init(
        kind: DemoModelKind, id: String, generator: any DemoDataGenerator, truth: TruthRelation,
        encoder: FeatureEncoder, fittedModel: FittedModel, featureStatistics: [FeatureStatistics]
    ) {
        self.kind = kind
        self.id = id
        version = kind.version
        features = generator.features
        segmentKeys = generator.segmentKeys
        self.featureStatistics = featureStatistics
        self.fittedModel = fittedModel
        latency = kind.latency
        labelTiming = kind.labelTiming
        self.generator = generator
        self.truth = truth
        self.encoder = encoder
    }
}
