import DriftWatchCore
import Foundation

/// Makes the event at one position of a stream, independently of every other position.
///
/// Each event draws from its own random source (seed, index), always the same number of
/// draws in the same order, and each scenario from another (scenario seed, index). So the
/// same traffic with and without a scenario differs only by what the scenario does, which
/// is what lets a test, or a fire drill, attribute a change to it.
///
/// A class, so that iterating a stream shares one synthesizer instead of copying the model's
/// arrays on every event; it is immutable, hence `Sendable`.
final class EventSynthesizer: Sendable {
    let model: DemoModel
    let scenarios: [Scenario]
    let seed: UInt64
    /// `.event` for traffic, `.reference` for reference data, so that the two never repeat
    /// each other's rows under the same seed.
    let purpose: RandomPurpose
    let start: Date
    let labelTiming: LabelTiming
    let requestIDPrefix: String
    /// Events copy these maps and overwrite the values at the stored positions, which spares
    /// hashing every key of every event.
    private let features: MapTemplate<FeatureValue>
    private let segments: MapTemplate<String>
    private let probabilities: MapTemplate<Double>

    private static let errorMessages = ["upstream timeout", "feature store unavailable", "model server overloaded"]

    init(
        model: DemoModel, scenarios: [Scenario], seed: UInt64, purpose: RandomPurpose = .event, start: Date,
        labelTiming: LabelTiming, requestIDPrefix: String
    ) {
        self.model = model
        self.scenarios = scenarios
        self.seed = seed
        self.purpose = purpose
        self.start = start
        self.labelTiming = labelTiming
        self.requestIDPrefix = requestIDPrefix
        features = MapTemplate(keys: model.features.map(\.name), placeholder: .missing)
        segments = MapTemplate(keys: model.segmentKeys, placeholder: "")
        probabilities = MapTemplate(keys: ["0", "1"], placeholder: 0)
    }

    /// The event at `index`, made `offset` seconds after the start.
    func event(index: Int, offset: Double) -> SimulatedEvent {
        let generator = model.generator
        var random = SimulationRandom(seed: seed, purpose: purpose, index: UInt64(index))
        var record = generator.sample(&random)
        let outcomeUniform = random.uniform()
        let outcomeNormal = random.normal()
        let latencyNormal = random.normal()
        let errorUniform = random.uniform()
        let messageUniform = random.uniform()
        let delayNormal = random.normal()
        let coverageUniform = random.uniform()

        var active = activeScenarios(index: index, offset: offset)
        var scales: [Double]?
        for position in active.indices {
            let scenario = scenarios[active[position].scenario]
            switch scenario.kind {
            case .gradualDrift, .suddenDrift:
                scenario.shiftInputs(&record, intensity: active[position].intensity, random: &active[position].random)
            case .conceptDrift:
                var changed = scales ?? [Double](repeating: 1, count: model.features.count)
                scenario.changeEffects(&changed, intensity: active[position].intensity)
                scales = changed
            case .dataQuality, .latencySpike, .labelDelay: break
            }
        }
        let score = model.truth.score(of: record, generator: generator, scales: scales)
        let truth = model.truth.outcome(score: score, uniform: outcomeUniform, normal: outcomeNormal)

        var logged = record.values
        var latency = model.latency.medianMilliseconds * PortableMath.exp(model.latency.sigma * latencyNormal)
        var error: String? =
            errorUniform < model.latency.errorRate
            ? Self.errorMessages[min(Int(messageUniform * 3), 2)] : nil
        var delay = labelTiming.medianDelaySeconds * PortableMath.exp(labelTiming.sigma * delayNormal)
        var labelled = coverageUniform < labelTiming.coverage
        for position in active.indices {
            let scenario = scenarios[active[position].scenario]
            switch scenario.kind {
            case .dataQuality:
                scenario.corrupt(&logged, intensity: active[position].intensity, random: &active[position].random)
            case .latencySpike:
                latency *= scenario.magnitude
                if active[position].random.uniform() < scenario.configuration.effectiveErrorRate {
                    error = error ?? "upstream timeout"
                }
            case .labelDelay:
                let changes = scenario.configuration.labelChanges
                delay += changes.delay
                if active[position].random.uniform() < changes.dropRate { labelled = false }
            case .gradualDrift, .suddenDrift, .conceptDrift: break
            }
        }
        return assemble(
            index: index, offset: offset, logged: logged, segmentValues: record.segments, truth: truth,
            latency: latency, error: error, labelDelay: labelled ? delay : nil)
    }

    /// The scenarios acting on this event, each with its intensity and its own random source.
    private func activeScenarios(index: Int, offset: Double) -> [ActiveScenario] {
        guard !scenarios.isEmpty else { return [] }
        var active: [ActiveScenario] = []
        for (position, scenario) in scenarios.enumerated() {
            let intensity = scenario.intensity(atOffset: offset)
            guard intensity > 0 else { continue }
            // The position keeps two scenarios with the same seed from making the same choices.
            let scenarioSeed = scenario.configuration.seed ^ SimulationRandom.mix(UInt64(position))
            var random = SimulationRandom(seed: scenarioSeed, purpose: .scenario, index: UInt64(index))
            guard random.uniform() < scenario.configuration.rate else { continue }
            active.append(ActiveScenario(scenario: position, intensity: intensity, random: random))
        }
        return active
    }

    private func assemble(
        index: Int, offset: Double, logged: [FeatureValue], segmentValues: [String], truth: Double,
        latency: Double, error: String?, labelDelay: Double?
    ) -> SimulatedEvent {
        let timestamp = start.addingTimeInterval(offset)
        let requestID = requestIDPrefix + "-" + String(index)
        var inference = InferenceEvent(
            modelID: model.id, modelVersion: model.version, requestID: requestID, timestamp: timestamp,
            latencyMilliseconds: (latency * 1_000).rounded() / 1_000, features: features.filled(with: logged),
            segments: segments.filled(with: segmentValues), error: error)
        guard error == nil else { return SimulatedEvent(index: index, inference: inference, label: nil) }
        let prediction = model.predictedValue(values: logged)
        switch model.task {
        case .regression:
            inference.predictionNumber = prediction.rounded()
        default:
            let positive = prediction >= 0.5
            inference.predictionNumber = positive ? 1 : 0
            inference.predictionText = positive ? "1" : "0"
            inference.probabilities = probabilities.filled(with: [1 - prediction, prediction])
        }
        let label = labelDelay.map { delay in
            LabelEvent(
                modelID: model.id, requestID: requestID, timestamp: timestamp.addingTimeInterval(delay),
                truthNumber: truth, truthText: model.task == .regression ? nil : (truth == 1 ? "1" : "0"))
        }
        return SimulatedEvent(index: index, inference: inference, label: label)
    }
}

/// A scenario acting on one event.
private struct ActiveScenario {
    let scenario: Int
    let intensity: Double
    var random: SimulationRandom
}

/// A dictionary with fixed keys whose values are filled in by position.
private struct MapTemplate<Value: Sendable>: Sendable {
    private let template: [String: Value]
    private let slots: [Dictionary<String, Value>.Index]

    init(keys: [String], placeholder: Value) {
        let map = Dictionary(uniqueKeysWithValues: keys.map { ($0, placeholder) })
        template = map
        slots = keys.compactMap { map.index(forKey: $0) }
    }

    /// The map with `values[i]` under the i-th key.
    func filled(with values: [Value]) -> [String: Value] {
        var map = template
        for (slot, value) in zip(slots, values) { map.values[slot] = value }
        return map
    }
}
