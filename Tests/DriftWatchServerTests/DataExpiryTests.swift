import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Testing

@testable import DriftWatchServer

/// The scheduled expiry: batch after batch until nothing expired is left, per resolution.
@Suite struct DataExpiryTests {
    @Test func everythingExpiredGoesInSmallBatchesAndNothingElse() async throws {
        let directory = NSTemporaryDirectory() + "driftwatch-expiry-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteEventStore(path: directory + "/driftwatch.sqlite")
        try await store.migrate()
        let now = Date(timeIntervalSince1970: 1_780_000_020)  // a whole minute
        // One event a minute over the last 100 minutes.
        _ = try await store.insert(
            (0..<100).map { k in
                InferenceEvent(modelID: "m", requestID: "r\(k)", timestamp: now - Double(100 - k) * 60)
            })
        try await Profiler(store: store).catchUp()
        var retention = ServerConfiguration.Retention()
        retention.events = 30 * 60  // the last 30 minutes stay
        retention.minuteProfiles = 60 * 60  // the last hour of minutes stays
        retention.hourProfiles = 0  // forever
        retention.dayProfiles = 0
        retention.batchSize = 7  // many batches
        let deleted = try await DataExpiry(store: store, retention: retention).run(now: now)
        #expect(deleted.events == 70)
        #expect(try await store.inferenceCount(modelID: "m") == 30)
        // Minute buckets older than an hour are gone; hours and days still count every event.
        #expect(deleted.profiles == 40)
        let minutes = try await store.profiles(
            modelID: "m", version: nil, segment: "", resolution: .minute, from: now - 86_400, to: now)
        #expect(minutes.count == 60)
        let hours = try await store.profiles(
            modelID: "m", version: nil, segment: "", resolution: .hour, from: now - 86_400, to: now)
        #expect(hours.reduce(0) { $0 + $1.profile.count } == 100)
        // A second pass finds nothing.
        #expect(try await DataExpiry(store: store, retention: retention).run(now: now) == .init())
    }

    @Test func tenMinuteProfilesExpireAfterTheirOwnPeriod() async throws {
        let directory = NSTemporaryDirectory() + "driftwatch-expiry-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteEventStore(path: directory + "/driftwatch.sqlite")
        try await store.migrate()
        let now = Date(timeIntervalSince1970: 1_780_000_200)  // a whole ten minutes
        // One event a minute over the last 100 minutes: ten buckets of ten minutes.
        _ = try await store.insert(
            (0..<100).map { k in
                InferenceEvent(modelID: "m", requestID: "r\(k)", timestamp: now - Double(100 - k) * 60)
            })
        try await Profiler(store: store).catchUp()
        var retention = ServerConfiguration.Retention()
        retention.events = 0
        retention.minuteProfiles = 0
        retention.tenMinuteProfiles = 30 * 60  // the last three ten minutes stay
        retention.batchSize = 3
        let deleted = try await DataExpiry(store: store, retention: retention).run(now: now)
        #expect(deleted == .init(events: 0, profiles: 7))
        let tens = try await store.profiles(
            modelID: "m", version: nil, segment: "", resolution: .tenMinutes, from: now - 86_400, to: now)
        #expect(tens.map(\.key.bucketStart) == [now - 1_800, now - 1_200, now - 600])
        #expect(tens.allSatisfy { $0.profile.count == 10 })
        for resolution in [ProfileResolution.minute, .hour] {
            let kept = try await store.profiles(
                modelID: "m", version: nil, segment: "", resolution: resolution, from: now - 86_400, to: now)
            #expect(kept.reduce(0) { $0 + $1.profile.count } == 100, "\(resolution)")
        }
    }
}
