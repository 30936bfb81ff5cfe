import DriftWatchCore
import DriftWatchSimulation
import Foundation

/// How the scheduled monitors did against a simulation's fault: the standard monitors with
/// their rules, and the report scoring the rounds they stored.
///
/// Computed when read, from the results stored so far: a report read while the monitors are
/// still evaluating the simulated traffic grows as their rounds come in.
struct FireDrillScore: Sendable {
    /// The monitors scored, in report order.
    var monitors: [FireDrillMonitor]
    /// Their outcomes; a monitor with no stored round in the span has none.
    var report: FireDrillReport
    /// The fault scored against.
    var fault: FaultGroundTruth
    /// The rounds read: window ends in `[from, to)`.
    var from: Date
    var to: Date

    /// How long after the traffic ends rounds are still read: the default monitoring window,
    /// during which a round still sees the simulated traffic.
    static let lookAfter: TimeInterval = 3_600

    /// Scores the rounds stored for the simulation's model from its traffic start until
    /// ``lookAfter`` past its end.
    static func score(_ simulation: SimulationSnapshot, model: DemoModel, store: any EventStore) async throws
        -> FireDrillScore
    {
        let monitors = FireDrillMonitor.standard(for: simulation.fault, model: model)
        let from = simulation.trafficStart
        let to = simulation.trafficEnd.addingTimeInterval(lookAfter)
        var observations: [MonitorObservation] = []
        for monitor in monitors {
            observations += try await monitor.observations(
                in: store, modelID: simulation.modelID, from: from, to: to)
        }
        return FireDrillScore(
            monitors: monitors, report: FireDrillReport(fault: simulation.fault, observations: observations),
            fault: simulation.fault, from: from, to: to)
    }
}
