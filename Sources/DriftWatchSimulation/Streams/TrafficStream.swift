import Foundation

/// Timestamped predictions of a demo model, with their labels and when each label becomes
/// available, optionally with scenarios injecting failures.
///
/// ```swift
/// let fraud = try DemoModel(.fraud)
/// let drift = try Scenario(ScenarioConfiguration(type: .suddenDrift, startSeconds: 600), model: fraud)
/// let stream = try TrafficStream(
///     model: fraud, scenarios: [drift],
///     configuration: TrafficConfiguration(start: .now, eventsPerSecond: 20, limit: .duration(1_800)))
/// for event in stream {
///     send(event.inference)                           // at event.inference.timestamp
///     if let label = event.label { pending.insert(label) }  // due at label.timestamp
/// }
/// ```
///
/// A stream is a value: iterating it twice gives the same events, and so does another stream
/// with the same model seed, scenarios and configuration, on any platform. Events come in
/// time order; labels are not in order (see ``LabelQueue``).
public struct TrafficStream: Sequence, Sendable {
    /// The model whose traffic this is.
    public let model: DemoModel
    /// The failures injected, applied in order.
    public let scenarios: [Scenario]
    /// Rate, timing and seed.
    public let configuration: TrafficConfiguration
    private let synthesizer: EventSynthesizer

    /// A stream of `model`'s traffic.
    ///
    /// - Throws: ``SimulationConfigurationError`` when the configuration is invalid or a
    ///   scenario was bound to another model (`scenarios[i]`).
    public init(
        model: DemoModel, scenarios: [Scenario] = [], configuration: TrafficConfiguration
    ) throws(SimulationConfigurationError) {
        try configuration.validate()
        for (position, scenario) in scenarios.enumerated() where scenario.modelID != model.id {
            throw SimulationConfigurationError(
                field: "scenarios[\(position)]", message: "was made for model \(scenario.modelID), not \(model.id)")
        }
        self.model = model
        self.scenarios = scenarios
        self.configuration = configuration
        synthesizer = EventSynthesizer(
            model: model, scenarios: scenarios, seed: configuration.seed, start: configuration.start,
            labelTiming: configuration.labelTiming ?? model.labelTiming,
            requestIDPrefix: configuration.requestIDPrefix ?? "\(model.id)-\(configuration.seed)")
    }

    /// The injected faults, with the times they take effect, for scoring a fire drill.
    public var faults: [FaultGroundTruth] {
        scenarios.map { $0.groundTruth(trafficStart: configuration.start) }
    }

    /// An iterator from the first event.
    public func makeIterator() -> Iterator { Iterator(stream: self) }

    /// Walks a ``TrafficStream`` in time order.
    public struct Iterator: IteratorProtocol, Sendable {
        private let synthesizer: EventSynthesizer
        private let eventsPerSecond: Double
        private let arrivals: ArrivalProcess
        private let limit: TrafficLimit
        private var index = 0
        private var offset = 0.0
        private var gaps: SimulationRandom

        init(stream: TrafficStream) {
            synthesizer = stream.synthesizer
            eventsPerSecond = stream.configuration.eventsPerSecond
            arrivals = stream.configuration.arrivals
            limit = stream.configuration.limit
            gaps = SimulationRandom(seed: stream.configuration.seed, purpose: .arrivals, index: 0)
        }

        /// The next event, or nil when the limit is reached.
        public mutating func next() -> SimulatedEvent? {
            switch arrivals {
            case .regular: offset = Double(index) / eventsPerSecond
            case .poisson: offset += -PortableMath.log(gaps.uniform()) / eventsPerSecond
            }
            switch limit {
            case .count(let count) where index >= count: return nil
            case .duration(let seconds) where offset >= seconds: return nil
            default: break
            }
            defer { index += 1 }
            return synthesizer.event(index: index, offset: offset)
        }
    }
}
