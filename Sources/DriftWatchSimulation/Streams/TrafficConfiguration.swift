import Foundation

/// When and how much traffic a ``TrafficStream`` makes.
///
/// ```swift
/// let configuration = TrafficConfiguration(start: .now, eventsPerSecond: 20, limit: .duration(3_600), seed: 42)
/// ```
public struct TrafficConfiguration: Sendable, Hashable {
    /// The time of the first possible event; scenario start times count from here.
    public var start: Date
    /// The mean number of predictions per second.
    public var eventsPerSecond: Double
    /// When the stream ends.
    public var limit: TrafficLimit
    /// Fixes every event: the same seed and configuration give the same events.
    public var seed: UInt64
    /// How events are spaced in time.
    public var arrivals: ArrivalProcess
    /// When labels arrive; nil for the model's own timing.
    public var labelTiming: LabelTiming?
    /// The start of every request id (`PREFIX-INDEX`); nil for `MODEL-SEED`. A driver that
    /// replays the same seed into one store should vary it, since repeated ids are deduplicated.
    public var requestIDPrefix: String?

    /// A configuration; by default 50 Poisson-spaced predictions per second, without end.
    public init(
        start: Date, eventsPerSecond: Double = 50, limit: TrafficLimit = .unbounded, seed: UInt64 = 0,
        arrivals: ArrivalProcess = .poisson, labelTiming: LabelTiming? = nil, requestIDPrefix: String? = nil
    ) {
        self.start = start
        self.eventsPerSecond = eventsPerSecond
        self.limit = limit
        self.seed = seed
        self.arrivals = arrivals
        self.labelTiming = labelTiming
        self.requestIDPrefix = requestIDPrefix
    }

    /// Checks the rate, limit and label timing, naming the field at fault.
    public func validate() throws(SimulationConfigurationError) {
        guard eventsPerSecond.isFinite, eventsPerSecond > 0 else {
            throw SimulationConfigurationError(
                field: "events_per_second", message: "must be positive, got \(eventsPerSecond)")
        }
        switch limit {
        case .count(let count) where count < 0:
            throw SimulationConfigurationError(field: "count", message: "must be 0 or more, got \(count)")
        case .duration(let seconds) where !(seconds.isFinite && seconds >= 0):
            throw SimulationConfigurationError(field: "duration_seconds", message: "must be 0 or more, got \(seconds)")
        default: break
        }
        if let labelTiming {
            guard labelTiming.medianDelaySeconds.isFinite, labelTiming.medianDelaySeconds >= 0 else {
                throw SimulationConfigurationError(
                    field: "label_delay_seconds", message: "must be 0 or more, got \(labelTiming.medianDelaySeconds)")
            }
            guard labelTiming.sigma.isFinite, labelTiming.sigma >= 0 else {
                throw SimulationConfigurationError(field: "label_delay_sigma", message: "must be 0 or more")
            }
            guard labelTiming.coverage >= 0, labelTiming.coverage <= 1 else {
                throw SimulationConfigurationError(
                    field: "label_coverage", message: "must be in [0, 1], got \(labelTiming.coverage)")
            }
        }
    }
}

/// When a ``TrafficStream`` ends.
public enum TrafficLimit: Sendable, Hashable {
    /// After this many events.
    case count(Int)
    /// With the last event before this many seconds after the start.
    case duration(Double)
    /// Never: the driver stops reading.
    case unbounded
}

/// How a ``TrafficStream`` spaces its events.
public enum ArrivalProcess: Sendable, Hashable {
    /// Exponential gaps: a Poisson process, as independent users make.
    case poisson
    /// Equal gaps of 1/rate seconds, the first at the start.
    case regular
}
