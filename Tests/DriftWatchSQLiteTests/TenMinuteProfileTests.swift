import DriftStats
import DriftWatchCore
import Foundation
import GRDB
import Testing

@testable import DriftWatchSQLite

/// Ten-minute profiles: windows read through them answer as their minutes do, a window's last
/// minutes close with their ten minutes, and an upgraded database gets them from its minutes.
@Suite struct TenMinuteProfileTests {
    /// 2026-05-28T21:00:00Z, a whole hour.
    static let hour = Date(timeIntervalSince1970: 1_780_002_000)

    /// One event every 30 s from 40 minutes before ``hour`` to 23:30 past it, then 45:00–49:30
    /// past it: a gap from 24:00 to 45:00. Fewer than 200 in any window below, so that the
    /// quantile sketches stay exact and compare bit for bit.
    static let offsets =
        Array(stride(from: -40 * 60, through: 23 * 60 + 30, by: 30))
        + Array(stride(from: 45 * 60, to: 50 * 60, by: 30))

    static func event(_ i: Int, at offset: Int) -> ProfiledEvent {
        ProfiledEvent(
            position: Int64(i + 1), modelID: "m", modelVersion: i % 3 == 0 ? "v2" : "v1",
            timestamp: hour + Double(offset), predictionNumber: Double(i % 7),
            latencyMilliseconds: Double(i % 50) + 0.25,
            features: ["x": i % 11 == 0 ? .missing : .number(Double(i) / 3), "c": .text(i % 2 == 0 ? "a" : "b")],
            segments: ["region": i % 4 == 0 ? "eu" : "us"], error: i % 10 == 0 ? "timeout" : nil)
    }

    static var events: [ProfiledEvent] { offsets.enumerated().map { event($0, at: $1) } }

    static var inferences: [InferenceEvent] {
        events.map {
            InferenceEvent(
                modelID: $0.modelID, modelVersion: $0.modelVersion, requestID: "r\($0.position)",
                timestamp: $0.timestamp, predictionNumber: $0.predictionNumber,
                latencyMilliseconds: $0.latencyMilliseconds, features: $0.features, segments: $0.segments,
                error: $0.error)
        }
    }

    /// A window read as it would be without ten-minute buckets: each ten-minute span's minutes.
    static func minutesRead(_ store: SQLiteEventStore, _ plan: ProfileWindowPlan, segment: String) async throws
        -> TrafficProfile
    {
        var merged = TrafficProfile()
        for span in plan.spans {
            let resolution = span.resolution == .tenMinutes ? .minute : span.resolution
            for bucket in try await store.profiles(
                modelID: "m", version: nil, segment: segment, resolution: resolution, from: span.from, to: span.to,
                detail: .full)
            {
                merged.merge(bucket.profile)
            }
        }
        return merged
    }

    @Test func windowsReadThroughTenMinutesAnswerAsTheirMinutes() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        _ = try await store.insert(Self.inferences)
        try await Profiler(store: store, batchSize: 37).catchUp()
        // (from, to, the plan windowPlan chooses): no closing, as traffic follows in the same
        // ten minutes; the last minutes closed with their ten minutes, as traffic follows only
        // later in the hour; everything since the hour closed with it, as nothing follows.
        let cases: [(Int, Int, (ProfileWindowPlan) -> ProfileWindowPlan)] = [
            (-37 * 60 - 50, 22 * 60 + 10, { $0 }),
            (-37 * 60 - 50, 23 * 60 + 30, { $0.closing(with: $0.closing(at: .tenMinutes)!) }),
            (-27 * 60, 50 * 60 + 10, { $0.closingWithHour() }),
        ]
        for (from, to, expected) in cases {
            let (from, to) = (Self.hour + Double(from), Self.hour + Double(to))
            let plan = ProfileWindowPlan(from: from, to: to)
            #expect(plan.spans.contains { $0.resolution == .tenMinutes })
            #expect(try await store.windowPlan(modelID: "m", from: from, to: to) == expected(plan), "\(to)")
            for segment in ["", "region:eu"] {
                let read = try await store.windowProfile(
                    modelID: "m", version: nil, segment: segment, from: from, to: to)
                let minutes = try await Self.minutesRead(store, plan, segment: segment)
                #expect(read.count > 0 && read.latency.isExact)
                #expect(ProfileComparison.same(read, minutes), "\(to) \(segment)")
            }
        }
    }

    @Test func anUpgradedDatabaseGetsTenMinuteProfilesFromItsMinutes() async throws {
        let database = TemporaryDatabase()
        try FileManager.default.createDirectory(
            atPath: (database.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // A second model, so that the backfill goes model by model.
        var other = Self.events.prefix(25).map { $0 }
        for i in other.indices { other[i].modelID = "n" }
        let increments = ProfileBuilder.increments(for: Self.events + other)
        do {
            // A database at v9, with the profiles the profiler stored then: no ten minutes.
            let queue = try DatabaseQueue(path: database.path)
            try Migrations.migrator.migrate(queue, upTo: "v9_version_references")
            try await queue.write { db in
                for (key, profile) in increments where key.resolution != .tenMinutes {
                    let arguments: StatementArguments = [
                        key.modelID, key.modelVersion, key.segment, key.resolution.rawValue,
                        Int64((key.bucketStart.timeIntervalSince1970 * 1000).rounded()),
                    ]
                    try db.execute(
                        sql: """
                            INSERT INTO profiles (model_id, model_version, segment, resolution, bucket_start, inferences, errors, data)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: arguments + [profile.count, profile.errors, Data(profile.serialized())])
                    try db.execute(
                        sql: """
                            INSERT INTO profile_summaries (model_id, model_version, segment, resolution, bucket_start, data)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """,
                        arguments: arguments + [Data(profile.serializedSummary())])
                }
            }
        }
        let store = try await database.open()
        #expect(try await store.appliedMigrations() == TemporaryDatabase.migrations)
        // Every ten minutes of every version and segment, as the profiler builds it from the events.
        let (from, to) = (Self.hour - 86_400, Self.hour + 86_400)
        let full =
            try await store.profiles(
                modelID: "m", version: nil, segment: nil, resolution: .tenMinutes, from: from, to: to, detail: .full)
            + store.profiles(
                modelID: "m", version: nil, segment: "", resolution: .tenMinutes, from: from, to: to, detail: .full)
        let expected = increments.filter { $0.key.resolution == .tenMinutes && $0.key.modelID == "m" }
        #expect(full.count == expected.count && full.count > 0)
        for bucket in full {
            let built = try #require(expected[bucket.key])
            #expect(ProfileComparison.same(bucket.profile, built), "\(bucket.key)")
        }
        let others = try await store.profiles(
            modelID: "n", version: nil, segment: "", resolution: .tenMinutes, from: from, to: to, detail: .summary)
        #expect(others.reduce(0) { $0 + $1.profile.count } == 25 && others.count > 1)
        // With their summaries.
        let summaries = try await store.profiles(
            modelID: "m", version: nil, segment: "", resolution: .tenMinutes, from: from, to: to, detail: .summary)
        let all = Dictionary(uniqueKeysWithValues: full.map { ($0.key, $0.profile) })
        #expect(summaries.count == full.filter { $0.key.segment == "" }.count)
        for summary in summaries {
            let whole = try #require(all[summary.key])
            #expect(summary.profile == (try TrafficProfile(serialized: whole.serialized(), detail: .summary)))
        }
        // Windows answer as they did through minutes.
        for (from, to) in [(-37 * 60 - 50, 22 * 60 + 10), (-27 * 60, 50 * 60 + 10)] {
            let (from, to) = (Self.hour + Double(from), Self.hour + Double(to))
            let read = try await store.windowProfile(modelID: "m", version: nil, segment: "", from: from, to: to)
            let minutes = try await Self.minutesRead(store, ProfileWindowPlan(from: from, to: to), segment: "")
            #expect(read.count > 0 && ProfileComparison.same(read, minutes), "\(to)")
        }
    }
}

/// Whether two profiles give the same answers: counts, categories and quantile sketches (their
/// sorted views, which every quantile, rank and CDF is read from) equal; moments equal up to
/// rounding, since merging them is associative only to rounding.
enum ProfileComparison {
    static func same(_ a: TrafficProfile, _ b: TrafficProfile) -> Bool {
        a.count == b.count && a.errors == b.errors && a.schemaViolations == b.schemaViolations
            && same(a.latency, b.latency) && same(a.latencyMoments, b.latencyMoments)
            && same(a.prediction, b.prediction)
            && a.features.keys.sorted() == b.features.keys.sorted()
            && a.features.allSatisfy { name, feature in b.features[name].map { same(feature, $0) } ?? false }
    }

    static func same(_ a: FeatureProfile, _ b: FeatureProfile) -> Bool {
        same(a.moments, b.moments) && same(a.quantiles, b.quantiles) && a.missing == b.missing
            && a.typeViolations == b.typeViolations && a.present == b.present
            && counts(a.categories) == counts(b.categories)
    }

    static func same(_ a: MomentsSketch, _ b: MomentsSketch) -> Bool {
        guard a.count == b.count, a.missing == b.missing else { return false }
        guard a.count > 0 else { return true }
        func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-9 * max(1, abs(x), abs(y)) }
        return a.minimum == b.minimum && a.maximum == b.maximum && close(a.mean, b.mean)
            && close(a.variance(), b.variance())
    }

    static func same(_ a: KLLSketch, _ b: KLLSketch) -> Bool {
        let (x, y) = (a.sortedView(), b.sortedView())
        return a.count == b.count && a.missing == b.missing && a.isExact == b.isExact && x.values == y.values
            && x.cumulativeWeights == y.cumulativeWeights
    }

    static func counts(_ sketch: SpaceSavingSketch) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: sketch.estimates.map { ($0.item, $0.count) })
    }
}
