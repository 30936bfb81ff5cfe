import DriftWatchCore
import Foundation
import GRDB
import Testing

@testable import DriftWatchSQLite

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

    @Test func aWindowEndingInsideAnHourReadsThatHourOnlyWhenNothingFollowsIt() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        // 2026-05-28T20:26:40Z + 5,000 s: events until 21:50, minute buckets at both edges.
        _ = try await store.insert(Self.events(5_000))
        _ = try await Profiler(store: store).catchUp()
        let from = Self.start + 100
        let to = Self.start + 4_000  // 21:33:20, inside the hour 21:00–22:00 that goes on to 21:50
        let plan = ProfileWindowPlan(from: from, to: to)
        let hour = try #require(plan.closingHour)
        #expect(try await store.hasMinuteProfiles(modelID: "m", from: plan.to, to: hour.to))
        #expect(try await store.windowPlan(modelID: "m", from: from, to: to) == plan, "later events: minutes")
        let early = try await store.windowProfile(modelID: "m", version: nil, segment: "", from: from, to: to)
        // Minute-widened window: 20:28:00 ..< 21:34:00, one event per second.
        #expect(early.count == Int(plan.to.timeIntervalSince(plan.from)))

        // The window that ends with the traffic: its last hour is read whole, with the same answer.
        let end = Self.start + 4_990  // 21:49:50, the last event is at 21:49:59
        let closing = ProfileWindowPlan(from: from, to: end)
        let last = try #require(closing.closingHour)
        #expect(try await !store.hasMinuteProfiles(modelID: "m", from: closing.to, to: last.to))
        #expect(try await store.windowPlan(modelID: "m", from: from, to: end) == closing.closingWithHour())
        var minutes = TrafficProfile()
        for span in closing.spans {
            for bucket in try await store.profiles(
                modelID: "m", version: nil, segment: "", resolution: span.resolution, from: span.from, to: span.to,
                detail: .full)
            {
                minutes.merge(bucket.profile)
            }
        }
        let read = try await store.windowProfile(modelID: "m", version: nil, segment: "", from: from, to: end)
        #expect(read.count == 5_000 - Int(closing.from.timeIntervalSince(Self.start)) && read.count == minutes.count)
        #expect(read.errors == minutes.errors && read.features["x"]?.missing == minutes.features["x"]?.missing)
        let segments = try await store.segmentProfiles(modelID: "m", version: nil, from: from, to: end)
        #expect(segments.values.reduce(0) { $0 + $1.count } == read.count)
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
        let (start, end) = (ProfilePosition(events: 0, labels: 0), ProfilePosition(events: 10, labels: 0))
        #expect(try await store.mergeProfiles(increments, after: start, through: end, counted: []))
        #expect(try await store.mergeProfiles(increments, after: start, through: end, counted: []) == false)
        let window = try await store.windowProfile(
            modelID: "m", version: nil, segment: "", from: Self.start, to: Self.start + 60)
        #expect(window.count == 10)
    }

    /// Merges are computed outside the write transaction; a profile deleted in between (as
    /// expiry deletes old buckets) is merged again inside it, so the result is the same as
    /// when the deletion came before the whole merge.
    @Test func aProfileChangedWhileItsMergeWasPreparedIsMergedAgain() async throws {
        let prepared = TemporaryDatabase()
        let serial = TemporaryDatabase()
        let whilePrepared = try await Self.mergeAroundExpiry(prepared, expiringWhilePrepared: true)
        let before = try await Self.mergeAroundExpiry(serial, expiringWhilePrepared: false)
        #expect(whilePrepared == before)
        #expect(!whilePrepared.isEmpty)
    }

    /// Profiles 100 events, stores 200 more, and merges their increments with minute profiles
    /// expired either between preparing and writing the merge or before the merge; the profiles.
    static func mergeAroundExpiry(_ database: borrowing TemporaryDatabase, expiringWhilePrepared: Bool)
        async throws -> [String: Data]
    {
        let store = try await database.open()
        _ = try await store.insert(events(100))
        try await Profiler(store: store).catchUp()
        _ = try await store.insert(events(200, from: 100))
        let position = try await store.profilePosition()
        let profiled = try await store.eventsToProfile(after: position.events, limit: 1_000)
        let entries = ProfileBuilder.increments(for: profiled).sorted { $0.key < $1.key }
        let last = ProfilePosition(events: try #require(profiled.last).position, labels: position.labels)
        func expire() async throws {
            #expect(try await store.deleteProfiles(resolution: .minute, before: start + 90, limit: 100) > 0)
        }
        if expiringWhilePrepared {
            let merges = try #require(try await store.prepareMerges(entries, after: position))
            try await expire()
            #expect(try await store.writeMerges(entries, merges, after: position, through: last, counted: []))
        } else {
            try await expire()
            #expect(
                try await store.mergeProfiles(
                    Dictionary(uniqueKeysWithValues: entries), after: position, through: last, counted: [])
            )
        }
        return try await blobs(database.path)
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
        for detail in [ProfileDetail.full, .summary] {
            let left = try await store.profiles(
                modelID: "m", version: nil, segment: "", resolution: .minute, from: Self.start - 60,
                to: Self.start + 3_600, detail: detail)
            #expect(left.isEmpty, "\(detail)")
        }
        let hours = try await store.profiles(
            modelID: "m", version: nil, segment: "", resolution: .hour, from: Self.start - 3_600, to: Self.start + 3_600
        )
        #expect(hours.reduce(0) { $0 + $1.profile.count } == 100)
    }

    @Test func summaryReadsComeFromTheirOwnRowsAndAgreeWithFullReads() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        _ = try await store.insert(Self.events(3_000))
        try await Profiler(store: store, batchSize: 500).catchUp()
        for resolution in ProfileResolution.allCases {
            for segment in ["", nil] as [String?] {
                func read(_ detail: ProfileDetail) async throws -> [ProfileBucket] {
                    try await store.profiles(
                        modelID: "m", version: nil, segment: segment, resolution: resolution,
                        from: Self.start - 86_400, to: Self.start + 86_400, detail: detail)
                }
                let full = try await read(.full)
                let summaries = try await read(.summary)
                #expect(summaries.map(\.key) == full.map(\.key), "\(resolution) \(segment ?? "segments")")
                for (summary, whole) in zip(summaries, full) {
                    let expected = try TrafficProfile(serialized: whole.profile.serialized(), detail: .summary)
                    #expect(summary.profile == expected)
                }
            }
        }
        // The summaries are their own rows, smaller than the profiles (two features here; the
        // more features, the larger the share left out).
        let queue = try DatabaseQueue(path: database.path)
        let (summaryBytes, profileBytes) = try await queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT sum(length(data)) FROM profile_summaries") ?? 0,
                try Int.fetchOne(db, sql: "SELECT sum(length(data)) FROM profiles") ?? 0
            )
        }
        #expect(summaryBytes > 0 && summaryBytes < profileBytes, "\(summaryBytes) vs \(profileBytes)")
        try await store.deleteAllProfiles()
        #expect(try await queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM profile_summaries") } == 0)
    }

    @Test func profilesStoredBeforeSummariesExistedGetThemOnUpgrade() async throws {
        let database = TemporaryDatabase()
        try FileManager.default.createDirectory(
            atPath: (database.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var profile = TrafficProfile()
        for event in Self.events(50) {
            profile.add(
                ProfiledEvent(
                    position: 1, modelID: "m", timestamp: event.timestamp, predictionNumber: event.predictionNumber,
                    latencyMilliseconds: event.latencyMilliseconds, features: event.features))
        }
        let (count, blob) = (profile.count, Data(profile.serialized()))
        do {
            let queue = try DatabaseQueue(path: database.path)
            try Migrations.migrator.migrate(queue, upTo: "v7_notification_log")
            try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO profiles (model_id, model_version, segment, resolution, bucket_start, inferences, errors, data)
                        VALUES ('m', '', '', 'hour', ?, ?, 0, ?)
                        """,
                    arguments: [1_779_998_400_000, count, blob])
            }
        }
        let store = try await database.open()
        let read = try await store.profiles(
            modelID: "m", version: nil, segment: "", resolution: .hour, from: Self.start - 86_400,
            to: Self.start + 86_400, detail: .summary)
        #expect(read.map(\.profile.count) == [50])
        #expect(read.first?.profile == (try TrafficProfile(serialized: profile.serialized(), detail: .summary)))
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
