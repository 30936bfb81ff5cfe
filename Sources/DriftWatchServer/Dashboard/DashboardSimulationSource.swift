import Foundation

/// Where the dashboard reads simulations from: failure scenarios injected into demo traffic,
/// with how quickly each monitor detected them. A server without simulations passes none, and
/// the simulations page says how to start one.
///
/// ```swift
/// struct Simulations: DashboardSimulationSource {
///     func simulations() async throws -> [DashboardSimulation] { [] }
/// }
/// ```
public protocol DashboardSimulationSource: Sendable {
    /// Every simulation, newest first.
    func simulations() async throws -> [DashboardSimulation]
}

/// One simulation run as the dashboard shows it.
///
/// ```swift
/// DashboardSimulation(
///     id: "sim-1", scenario: "sudden_drift", model: "fraud", state: "running", startedAt: start,
///     detections: [DashboardDetection(monitor: "feature_drift", delaySeconds: 120, falseAlarms: 0)])
/// ```
public struct DashboardSimulation: Sendable, Hashable {
    /// The run's id.
    public var id: String
    /// The scenario injected (`gradual_drift`, `latency_spike`, …).
    public var scenario: String
    /// The model whose traffic it changes.
    public var model: String
    /// Where the run is: `running`, `finished`, `failed`, ….
    public var state: String
    /// When it started.
    public var startedAt: Date
    /// How each monitor fared.
    public var detections: [DashboardDetection]

    /// Creates a simulation.
    public init(
        id: String, scenario: String, model: String, state: String, startedAt: Date, detections: [DashboardDetection]
    ) {
        self.id = id
        self.scenario = scenario
        self.model = model
        self.state = state
        self.startedAt = startedAt
        self.detections = detections
    }
}

/// How one monitor fared in a simulation.
///
/// ```swift
/// DashboardDetection(monitor: "latency_p99", delaySeconds: nil, falseAlarms: 1)  // not detected
/// ```
public struct DashboardDetection: Sendable, Hashable {
    /// The monitor (a metric or alert rule).
    public var monitor: String
    /// Seconds from the fault's start to its detection; nil when it has not been detected.
    public var delaySeconds: Double?
    /// Alarms raised outside the fault.
    public var falseAlarms: Int

    /// Creates a detection record.
    public init(monitor: String, delaySeconds: Double?, falseAlarms: Int) {
        self.monitor = monitor
        self.delaySeconds = delaySeconds
        self.falseAlarms = falseAlarms
    }
}
