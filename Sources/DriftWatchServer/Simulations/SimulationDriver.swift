import DriftWatchCore
import DriftWatchSimulation
import Foundation

/// Writes one simulation's traffic as its simulated clock passes each event, and each label
/// when it comes due, then ends the simulation's progress.
///
/// The simulated clock starts at the stream's start and runs `timeScale` times faster than the
/// wall clock, so events carry the timestamps they would have in real time while being
/// written sooner. When storing falls behind the clock, the driver writes full batches without
/// pausing until it catches up.
struct SimulationDriver: Sendable {
    let stream: TrafficStream
    /// Simulated seconds per wall-clock second.
    let timeScale: Double
    let sink: SimulationSink
    let progress: SimulationProgress

    /// Wall-clock time between steps when the driver has caught up.
    static let step: Duration = .milliseconds(200)
    /// The most inferences (or labels) stored in one write.
    static let maxBatch = 5_000

    /// Drives the traffic to its end, or until cancelled, and records how it ended.
    func run() async {
        do {
            try await drive()
            progress.end(.finished)
        } catch is CancellationError {
            progress.end(.cancelled)
        } catch {
            progress.end(.failed, error: "storing the traffic failed: \(error)")
        }
    }

    private func drive() async throws {
        let clock = ContinuousClock()
        let began = clock.now
        let start = stream.configuration.start
        var events = stream.makeIterator()
        var next = events.next()
        var labels = LabelQueue()
        while next != nil || !labels.isEmpty {
            try Task.checkCancellation()
            let elapsed = began.duration(to: clock.now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let now = start.addingTimeInterval(seconds * timeScale)
            var batch: [InferenceEvent] = []
            while let event = next, event.inference.timestamp <= now, batch.count < Self.maxBatch {
                batch.append(event.inference)
                if let label = event.label { labels.insert(label) }
                next = events.next()
            }
            try await sink.store(batch)
            let due = labels.removeDue(at: now)
            for offset in stride(from: 0, to: due.count, by: Self.maxBatch) {
                try await sink.store(Array(due[offset..<min(offset + Self.maxBatch, due.count)]))
            }
            progress.record(
                events: batch.count, labels: due.count, labelsPending: labels.count,
                simulatedTime: batch.count == Self.maxBatch ? batch[batch.count - 1].timestamp : now)
            if batch.count < Self.maxBatch { try await Task.sleep(for: Self.step) }
        }
    }
}
