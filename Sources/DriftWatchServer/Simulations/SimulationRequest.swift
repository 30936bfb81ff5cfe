import DriftWatchSimulation
import Foundation

/// What `POST /v1/simulations` (and `POST /simulate/{scenario}`) asks for: which demo model,
/// which failure, and how much traffic.
///
/// ```json
/// {"model": "fraud", "scenario": {"type": "sudden_drift", "start_seconds": 300},
///  "rate": 50, "duration_seconds": 900, "seed": 7, "time_scale": 60}
/// ```
///
/// Every field but `scenario` has a default; a misspelt key, a wrong type or a value out of
/// range throws a ``SimulationConfigurationError`` naming the field (`scenario.magnitude` for
/// a field of the scenario).
struct SimulationRequest: Sendable, Hashable {
    /// The demo model the traffic is for.
    var model: DemoModelKind
    /// The failure injected.
    var scenario: ScenarioConfiguration
    /// Mean predictions per second, in simulated time.
    var rate: Double
    /// How long the traffic lasts, in simulated seconds.
    var durationSeconds: Double
    /// Fixes the traffic: the same request gives the same events.
    var seed: UInt64
    /// Simulated seconds per wall-clock second: 60 writes a simulated minute every second.
    var timeScale: Double

    /// The most predictions per second a simulation makes.
    static let maxRate = 5_000.0
    /// The longest traffic, in simulated seconds (a week).
    static let maxDurationSeconds = 604_800.0
    /// The most events one simulation writes (rate × duration).
    static let maxEvents = 5_000_000.0
    /// The largest speed-up.
    static let maxTimeScale = 100_000.0

    init(
        model: DemoModelKind = .fraud, scenario: ScenarioConfiguration, rate: Double = 50,
        durationSeconds: Double = 60, seed: UInt64 = 0, timeScale: Double = 1
    ) {
        self.model = model
        self.scenario = scenario
        self.rate = rate
        self.durationSeconds = durationSeconds
        self.seed = seed
        self.timeScale = timeScale
    }

    /// Checks the traffic fields and that the fault starts within the traffic; the scenario's
    /// own fields are checked when it is bound to the model.
    func validate() throws(SimulationConfigurationError) {
        guard rate.isFinite, rate > 0, rate <= Self.maxRate else {
            throw SimulationConfigurationError(
                field: "rate",
                message: "must be a number of events per second in (0, \(Int(Self.maxRate))], got \(rate)")
        }
        guard durationSeconds.isFinite, durationSeconds > 0, durationSeconds <= Self.maxDurationSeconds else {
            throw SimulationConfigurationError(
                field: "duration_seconds",
                message: "must be in (0, \(Int(Self.maxDurationSeconds))] seconds, got \(durationSeconds)")
        }
        guard rate * durationSeconds <= Self.maxEvents else {
            throw SimulationConfigurationError(
                field: "duration_seconds",
                message: "rate × duration_seconds must be at most \(Int(Self.maxEvents)) events")
        }
        guard timeScale.isFinite, timeScale >= 1, timeScale <= Self.maxTimeScale else {
            throw SimulationConfigurationError(
                field: "time_scale", message: "must be in [1, \(Int(Self.maxTimeScale))], got \(timeScale)")
        }
        guard scenario.startSeconds < durationSeconds else {
            throw SimulationConfigurationError(
                field: "scenario.start_seconds",
                message: "must be less than duration_seconds (\(durationSeconds)), or the fault never happens")
        }
    }
}
