import DriftWatchCore
import Foundation

/// Deletes raw events and fine profiles past their retention, a small batch per transaction so
/// that ingestion (which shares the single writer) never waits long.
struct DataExpiry: Sendable {
    let store: any EventStore
    let retention: ServerConfiguration.Retention

    /// What one pass deleted.
    struct Deleted: Sendable, Hashable {
        var events = 0
        var profiles = 0
    }

    /// Deletes everything expired at `now`, batch by batch.
    func run(now: Date) async throws -> Deleted {
        var deleted = Deleted()
        if retention.events > 0 {
            deleted.events = try await drain { limit in
                try await store.deleteEvents(before: now - retention.events, limit: limit)
            }
        }
        let periods: [(ProfileResolution, TimeInterval)] = [
            (.minute, retention.minuteProfiles), (.tenMinutes, retention.tenMinuteProfiles),
            (.hour, retention.hourProfiles), (.day, retention.dayProfiles),
        ]
        for (resolution, period) in periods where period > 0 {
            deleted.profiles += try await drain { limit in
                try await store.deleteProfiles(resolution: resolution, before: now - period, limit: limit)
            }
        }
        return deleted
    }

    private func drain(_ batch: (Int) async throws -> Int) async throws -> Int {
        var total = 0
        while !Task.isCancelled {
            let count = try await batch(retention.batchSize)
            total += count
            if count < retention.batchSize { break }
            // Let waiting writes (ingestion) take the writer between batches.
            await Task.yield()
        }
        return total
    }
}
