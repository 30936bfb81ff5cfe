import DriftWatchCore
import DriftWatchSQLite
import Foundation
import GRDB
import Testing

@Suite struct ProfileStoreTests {
    static let start = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28T20:26:40Z

    /// `count` events one second apart from `start`, with two segments, latency and an error
    /// every tenth event.
    static func events(_ count: Int, from offset: Int = 0, model: String = "m") -> [InferenceEvent] {
        (offset..<(offset + count)).map { i -> InferenceEvent in
            let x: FeatureValue = i % 11 == 0 ? .missing : .number(Double(i))
            let c: FeatureValue = .text(i % 2 == 0 ? "a" : "b")
            let region = i % 4 == 0 ? "eu" : "us"
            let timestamp = start + Double(i)
            return InferenceEvent(
                modelID: model, modelVersion: i % 3 == 0 ? "v2" : "v1", requestID: "r\(i)", timestamp: timestamp,
                predictionNumber: Double(i % 7), latencyMilliseconds: Double(i % 50), features: ["x": x, "c": c],
                segments: ["region": region], error: i % 10 == 0 ? "timeout" : nil)
        }
    }

    @Test func profilesCountEveryEventOncePerResolutionAndSegment() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        _ = try await store.insert(Self.events(5_000))
        #expect(try await Profiler(store: store, batchSize: 700).catchUp() == 5_000)
        #expect(try await Profiler(store: store).catchUp() == 0)

        let to = Self.start + 10_000
        for resolution in ProfileResolution.allCases {
            let all = try await store.profiles(
                modelID: "m", version: nil, segment: "", resolution: resolution, from: Self.start - 86_400, to: to)
            #expect(all.reduce(0) { $0 + $1.profile.count } == 5_000, "\(resolution)")
            let segments = try await store.profiles(
                modelID: "m", version: nil, segment: nil, resolution: resolution, from: Self.start - 86_400, to: to)
            let eu = segments.filter { $0.key.segment == "region:eu" }.reduce(0) { $0 + $1.profile.count }
            let us = segments.filter { $0.key.segment == "region:us" }.reduce(0) { $0 + $1.profile.count }
            #expect(eu == 1_250 && us == 3_750)
        }
        let v2 = try await store.windowProfile(
            modelID: "m", version: "v2", segment: "", from: Self.start, to: to)
        #expect(v2.count == 1_667)
        let window = try await store.windowProfile(modelID: "m", version: nil, segment: "", from: Self.start, to: to)
        #expect(window.count == 5_000)
        #expect(window.errors == 500)
        #expect(window.features["x"]?.missing == 455)
        #expect(window.features["c"]?.categories.estimate(of: "a").count == 2_500)
        #expect(window.latencyMoments.maximum == 49)
    }

    @Test func eventsStoredBeforeACrashAreProfiledByTheNextStart() async throws {
        let database = TemporaryDatabase()
        do {
            let store = try await database.open()
            _ = try await store.insert(Self.events(300))
            // No profiler ran: the process "died" here.
        }
        let reopened = try await database.open()
        #expect(try await reopened.profiledThrough() == 0)
        #expect(try await Profiler(store: reopened).catchUp() == 300)
        _ = try await reopened.insert(Self.events(300))  // duplicates: not new events
        _ = try await reopened.insert(Self.events(50, from: 300))
        #expect(try await Profiler(store: reopened).catchUp() == 50)
        let window = try await reopened.windowProfile(
            modelID: "m", version: nil, segment: "", from: Self.start, to: Self.start + 3_600)
        #expect(window.count == 350)
    }

    @Test func aRebuildReproducesTheSameProfiles() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        _ = try await store.insert(Self.events(2_000))
        try await Profiler(store: store).catchUp()
        let before = try await Self.blobs(database.path)
        #expect(try await Profiler(store: store).rebuild() == 2_000)
        let after = try await Self.blobs(database.path)
        #expect(before == after)
        #expect(!before.isEmpty)
    }

    @Test func aProfilerThatLostTheRaceMergesNothing() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        _ = try await store.insert(Self.events(10))
        let events = try await store.eventsToProfile(after: 0, limit: 100)
        let increments = ProfileBuilder.increments(for: events)
        #expect(try await store.mergeProfiles(increments, after: 0, through: 10))
        #expect(try await store.mergeProfiles(increments, after: 0, through: 10) == false)
        let window = try await store.windowProfile(
            modelID: "m", version: nil, segment: "", from: Self.start, to: Self.start + 60)
        #expect(window.count == 10)
    }

    @Test func dailyMetricsHoldVolumeLatencyAndPerformance() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        _ = try await store.insert(Self.events(1_000))
        try await Profiler(store: store).catchUp()
        let day = ProfileResolution.day.bucketStart(of: Self.start)
        try await store.saveDailyPerformance(
            modelID: "m", day: Self.start, labelCoverage: 0.5, metric: "accuracy", value: 0.9)
        let rows = try await store.dailyMetrics(modelID: "m", from: day, to: day + 86_400)
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(row.inferences == 1_000)
        #expect(row.errors == 100)
        #expect(row.latencyP99 == 49)
        #expect(row.labelCoverage == 0.5 && row.headlineMetric == "accuracy" && row.headlineValue == 0.9)
        // Readable by plain SQL, as a BI tool reads it.
        let queue = try DatabaseQueue(path: database.path)
        let text = try await queue.read { db in
            try String.fetchOne(db, sql: "SELECT day FROM daily_metrics WHERE model_id = 'm'")
        }
        #expect(text == "2026-05-28")
    }

    @Test func expiryDeletesOnlyOldProfiledEventsAndOldBuckets() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        _ = try await store.insert(Self.events(100))
        // Not profiled yet: nothing may be deleted.
        #expect(try await store.deleteEvents(before: Self.start + 50, limit: 1_000) == 0)
        try await Profiler(store: store).catchUp()
        #expect(try await store.deleteEvents(before: Self.start + 50, limit: 20) == 20)
        #expect(try await store.deleteEvents(before: Self.start + 50, limit: 1_000) == 30)
        #expect(try await store.inferenceCount(modelID: "m") == 50)
        // Profiles still describe every event.
        let window = try await store.windowProfile(
            modelID: "m", version: nil, segment: "", from: Self.start, to: Self.start + 3_600)
        #expect(window.count == 100)
        let minutes = try await store.deleteProfiles(resolution: .minute, before: Self.start + 3_600, limit: 1)
        #expect(minutes == 1)
        #expect(try await store.deleteProfiles(resolution: .minute, before: Self.start + 3_600, limit: 100) > 0)
        let left = try await store.profiles(
            modelID: "m", version: nil, segment: "", resolution: .minute, from: Self.start - 60, to: Self.start + 3_600)
        #expect(left.isEmpty)
        let hours = try await store.profiles(
            modelID: "m", version: nil, segment: "", resolution: .hour, from: Self.start - 3_600, to: Self.start + 3_600
        )
        #expect(hours.reduce(0) { $0 + $1.profile.count } == 100)
    }

    static func blobs(_ path: String) async throws -> [String: Data] {
        let queue = try DatabaseQueue(path: path)
        return try await queue.read { db in
            var blobs: [String: Data] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM profiles") {
                let key =
                    "\(row["model_id"] as String)|\(row["model_version"] as String)|\(row["segment"] as String)|\(row["resolution"] as String)|\(row["bucket_start"] as Int64)"
                blobs[key] = row["data"]
            }
            return blobs
        }
    }
}
