import Foundation

/// What an injected fault really did and when: the answer key a fire drill scores monitors
/// against.
public struct FaultGroundTruth: Sendable, Hashable, Codable {
    /// The model the fault was injected into.
    public var modelID: String
    /// The kind of fault.
    public var scenario: ScenarioKind
    /// When it starts taking effect; any alarm before it is false.
    public var start: Date
    /// When it reaches full strength (later than `start` only for the ramped kinds).
    public var fullEffect: Date
    /// When it stops; nil when it lasts to the end of the traffic (the ramped kinds hold).
    public var end: Date?
    /// The features it changes.
    public var features: [String]
    /// What monitors can see change.
    public var signals: [AffectedSignal]

    /// A ground truth.
    public init(
        modelID: String, scenario: ScenarioKind, start: Date, fullEffect: Date, end: Date?, features: [String],
        signals: [AffectedSignal]
    ) {
        self.modelID = modelID
        self.scenario = scenario
        self.start = start
        self.fullEffect = fullEffect
        self.end = end
        self.features = features
        self.signals = signals
    }

    enum CodingKeys: String, CodingKey {
        case scenario, start, end, features, signals
        case modelID = "model_id"
        case fullEffect = "full_effect"
    }
}

extension Scenario {
    /// The fault this scenario injects into traffic that starts at `trafficStart`.
    public func groundTruth(trafficStart: Date) -> FaultGroundTruth {
        let start = trafficStart.addingTimeInterval(configuration.startSeconds)
        let duration = configuration.durationSeconds
        let fullEffect = kind.ramps ? start.addingTimeInterval(duration ?? 0) : start
        let end = kind.ramps ? nil : duration.map { start.addingTimeInterval($0) }
        return FaultGroundTruth(
            modelID: modelID, scenario: kind, start: start, fullEffect: fullEffect, end: end,
            features: affectedFeatures, signals: signals)
    }

    /// The signals the configured fault moves.
    private var signals: [AffectedSignal] {
        switch kind {
        case .gradualDrift, .suddenDrift: return [.featureDrift, .predictionDrift]
        case .conceptDrift: return [.performance]
        case .latencySpike: return configuration.effectiveErrorRate > 0 ? [.latency, .errorRate] : [.latency]
        case .labelDelay: return [.labelDelay]
        case .dataQuality:
            let rates = configuration.dataQualityRates
            let numeric = targets.contains { $0.feature.type == .numeric }
            let categorical = targets.contains { $0.feature.type == .categorical }
            var signals: [AffectedSignal] = []
            if rates.missing > 0 { signals.append(.missingValues) }
            if rates.outliers > 0 && numeric { signals.append(.outliers) }
            if rates.unseen > 0 && categorical { signals.append(.unseenCategories) }
            signals += [.featureDrift, .predictionDrift]
            return signals
        }
    }
}
