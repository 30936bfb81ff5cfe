import DriftWatchCore
import Foundation

/// Stores simulated traffic the way the ingest routes store a client's: each model's schema
/// checked by the model registry, room reserved in the bounded ingest queue, group commits
/// through the shared writer, and the prediction metrics counted.
///
/// Where a client would get 429 when the queue is full, a simulation waits for room.
struct SimulationSink: Sendable {
    let writer: GroupCommitWriter
    let models: ModelRegistry
    let admission: IngestAdmission
    let metrics: ServerMetrics

    /// How long to wait before asking the full ingest queue again.
    static let retryDelay: Duration = .milliseconds(100)

    /// The store behind the writer.
    var store: any EventStore { writer.store }

    /// Stores inferences after their commit; returns how many were new.
    @discardableResult
    func store(_ events: [InferenceEvent]) async throws -> Int {
        guard !events.isEmpty else { return 0 }
        return try await reserving(events.count) {
            let checked = try await models.check(events)
            let fresh = try await writer.insert(checked)
            var perModel: [String: (count: Int, latencies: [Double])] = [:]
            for (event, isNew) in zip(checked, fresh) where isNew {
                perModel[event.modelID, default: (0, [])].count += 1
                if let latency = event.latencyMilliseconds { perModel[event.modelID]!.latencies.append(latency) }
            }
            for (model, stored) in perModel {
                metrics.predictionsStored(model: model, count: stored.count)
                metrics.predictionLatencies(model: model, milliseconds: stored.latencies)
            }
            return fresh.count { $0 }
        }
    }

    /// Stores labels after their commit.
    func store(_ labels: [LabelEvent]) async throws {
        guard !labels.isEmpty else { return }
        try await reserving(labels.count) { try await writer.insert(labels) }
    }

    /// Runs `write` with room for `count` rows reserved in the ingest queue, waiting while it
    /// is full, and gives the room back however the write ends.
    private func reserving<T: Sendable>(_ count: Int, _ write: () async throws -> T) async throws -> T {
        while !admission.reserve(count) { try await Task.sleep(for: Self.retryDelay) }
        defer { admission.release(count) }
        return try await write()
    }
}
