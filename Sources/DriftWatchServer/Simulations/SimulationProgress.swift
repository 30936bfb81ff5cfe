import Foundation
import Synchronization

/// The counters a running simulation updates and readers take snapshots of.
///
/// A mutex rather than an actor: the driver updates it after every batch, and readers
/// (the API, the dashboard) should not wait behind the driver's writes.
final class SimulationProgress: Sendable {
    /// What has happened so far.
    struct Counts: Sendable, Hashable {
        var state = SimulationState.running
        /// Inferences stored (duplicates included, which a fresh simulation never has).
        var eventsSent = 0
        /// Labels stored.
        var labelsSent = 0
        /// Labels made but not yet due.
        var labelsPending = 0
        /// The simulated clock: the time of the traffic written so far.
        var simulatedTime: Date?
        /// When it stopped running.
        var endedAt: Date?
        /// Why it failed.
        var error: String?
    }

    private let counts = Mutex(Counts())

    /// The current counts.
    var current: Counts { counts.withLock { $0 } }

    /// Adds what one step stored.
    func record(events: Int, labels: Int, labelsPending: Int, simulatedTime: Date) {
        counts.withLock {
            $0.eventsSent += events
            $0.labelsSent += labels
            $0.labelsPending = labelsPending
            $0.simulatedTime = simulatedTime
        }
    }

    /// Moves to a final state, once; later calls change nothing.
    func end(_ state: SimulationState, error: String? = nil, at time: Date = Date()) {
        counts.withLock {
            guard $0.state == .running else { return }
            $0.state = state
            $0.error = error
            $0.endedAt = time
        }
    }
}
