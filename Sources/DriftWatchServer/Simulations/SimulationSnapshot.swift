import DriftWatchSimulation
import Foundation

/// A simulation as readers see it at one moment: what was asked, the fault it injects, and
/// how far it got. The API answers it as JSON; the dashboard reads it as it is.
struct SimulationSnapshot: Sendable, Hashable {
    /// The simulation's id (`sim-…`).
    var id: String
    /// What was asked.
    var request: SimulationRequest
    /// When it was accepted.
    var createdAt: Date
    /// The timestamp of the traffic's start; the fault's times count from here.
    var trafficStart: Date
    /// What the injected fault does and when: the answer key of the fire drill.
    var fault: FaultGroundTruth
    /// Its state and counters.
    var progress: SimulationProgress.Counts

    /// The timestamp the traffic ends at.
    var trafficEnd: Date { trafficStart.addingTimeInterval(request.durationSeconds) }

    /// The model's id in the store.
    var modelID: String { fault.modelID }

    /// The state.
    var state: SimulationState { progress.state }
}
