import Foundation

/// Brings a store's profiles up to date with its events and labels: reads the events and label
/// changes after the profiled position in batches, and merges each batch's increments with the
/// new position.
///
/// Safe to run at any time, concurrently and after a crash: a batch is merged and its position
/// recorded in one transaction that checks the position it started from, so every event is
/// profiled exactly once.
public struct Profiler: Sendable {
    /// Events read and merged per transaction.
    public var batchSize: Int
    let store: any ProfileStore

    /// Creates a profiler over `store`.
    public init(store: any ProfileStore, batchSize: Int = 20_000) {
        self.store = store
        self.batchSize = max(1, batchSize)
    }

    /// Profiles every event and label change not yet profiled; returns how many events there
    /// were.
    ///
    /// A label counts once, in the buckets of its prediction: with the prediction when the
    /// label was stored first, else as a label change once the prediction is profiled. Label
    /// changes are read before events, and only for predictions profiled in an earlier batch,
    /// so a label stored while a batch is read is counted by one side or the next batch's
    /// correction (which takes out the value the profiles hold) and never twice.
    @discardableResult
    public func catchUp() async throws -> Int {
        var position = try await store.profilePosition()
        var profiled = 0
        while true {
            let labels = try await store.labelsToProfile(
                after: position.labels, events: position.events, limit: batchSize)
            let events = try await store.eventsToProfile(after: position.events, limit: batchSize)
            guard !events.isEmpty || labels.read > 0 else { return profiled }
            var increments = ProfileBuilder.increments(for: events)
            ProfileBuilder.addLabels(labels.changes, to: &increments)
            let counted =
                events.compactMap { event in event.label.map { CountedLabel(modelID: event.modelID, label: $0) } }
                + labels.changes.map { CountedLabel(modelID: $0.event.modelID, label: $0.label) }
            let next = ProfilePosition(
                events: events.last?.position ?? position.events, labels: max(labels.through, position.labels))
            let merged = try await store.mergeProfiles(increments, after: position, through: next, counted: counted)
            // Another profiler took this batch: start again from where it got to.
            guard merged else {
                position = try await store.profilePosition()
                continue
            }
            position = next
            profiled += events.count
            if events.count < batchSize && labels.read < batchSize { return profiled }
        }
    }

    /// Deletes every profile and profiles all stored events again; returns how many.
    @discardableResult
    public func rebuild() async throws -> Int {
        try await store.deleteAllProfiles()
        return try await catchUp()
    }
}
