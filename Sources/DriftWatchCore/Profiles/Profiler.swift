import Foundation

/// Brings a store's profiles up to date with its events: reads the events stored after the
/// profiled position in batches, and merges each batch's increments with the new position.
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

    /// Profiles every event not yet profiled; returns how many there were.
    @discardableResult
    public func catchUp() async throws -> Int {
        var position = try await store.profiledThrough()
        var profiled = 0
        while true {
            let events = try await store.eventsToProfile(after: position, limit: batchSize)
            guard let last = events.last else { return profiled }
            let merged = try await store.mergeProfiles(
                ProfileBuilder.increments(for: events), after: position, through: last.position)
            // Another profiler took this batch: start again from where it got to.
            guard merged else {
                position = try await store.profiledThrough()
                continue
            }
            position = last.position
            profiled += events.count
            if events.count < batchSize { return profiled }
        }
    }

    /// Deletes every profile and profiles all stored events again; returns how many.
    @discardableResult
    public func rebuild() async throws -> Int {
        try await store.deleteAllProfiles()
        return try await catchUp()
    }
}
