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
    /// The most events a pass reads while the profiler is behind: after a full pass the next one
    /// reads twice as many, up to this, and a pass that is not full ends the catch-up.
    ///
    /// A pass costs about as much per bucket it touches as per event: events stamped across a
    /// day (a backfill) touch a minute bucket for nearly every few events, and a pass of 100,000
    /// such events took a fifth of the time of five passes of 20,000. Its merge holds the
    /// writer longer, so a larger ceiling trades ingestion latency during a backfill for
    /// profiles that catch up sooner.
    public var maxBatchSize: Int
    let store: any ProfileStore

    /// Creates a profiler over `store`; `maxBatchSize` (at least `batchSize`, which it is by
    /// default) bounds how far passes grow while the profiler is behind.
    public init(store: any ProfileStore, batchSize: Int = 20_000, maxBatchSize: Int? = nil) {
        self.store = store
        self.batchSize = max(1, batchSize)
        self.maxBatchSize = max(self.batchSize, maxBatchSize ?? self.batchSize)
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
        try await catchUpCounting().events
    }

    /// ``catchUp()``, also saying how many profile buckets its merges touched (counted once per
    /// transaction that touched them).
    public func catchUpCounting() async throws -> (events: Int, buckets: Int) {
        var position = try await store.profilePosition()
        var profiled = 0
        var buckets = 0
        var limit = batchSize
        while true {
            let labels = try await store.labelsToProfile(
                after: position.labels, events: position.events, limit: limit)
            let events = try await store.eventsToProfile(after: position.events, limit: limit)
            guard !events.isEmpty || labels.read > 0 else { return (profiled, buckets) }
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
            buckets += increments.count
            if events.count < limit && labels.read < limit { return (profiled, buckets) }
            limit = min(limit * 2, maxBatchSize)
        }
    }

    /// Deletes every profile and profiles all stored events again; returns how many.
    @discardableResult
    public func rebuild() async throws -> Int {
        try await store.deleteAllProfiles()
        return try await catchUp()
    }
}
