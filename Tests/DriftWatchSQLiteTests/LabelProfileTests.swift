import DriftStats
import DriftWatchCore
import Foundation
import GRDB
import Testing

@testable import DriftWatchSQLite

/// Labels count in the profile buckets of their predictions, exactly once, whatever the order
/// of predictions, labels, corrections and profiler passes: the window's sketch always equals
/// one built from the joined events.
@Suite struct LabelProfileTests {
    static let start = ProfileStoreTests.start

    /// Binary predictions one second apart, with a probability and two regions.
    static func events(_ count: Int, from offset: Int = 0) -> [InferenceEvent] {
        (offset..<(offset + count)).map { i in
            let p = Double((i * 37) % 100) / 100
            return InferenceEvent(
                modelID: "m", modelVersion: i % 3 == 0 ? "v2" : "v1", requestID: "r\(i)",
                timestamp: start + Double(i), predictionText: p >= 0.5 ? "1" : "0",
                probabilities: ["1": p, "0": 1 - p], features: ["x": .number(Double(i))],
                segments: ["region": i % 4 == 0 ? "eu" : "us"])
        }
    }

    static func labels(_ ids: some Sequence<Int>, flip: Bool = false, delay: Double = 30) -> [LabelEvent] {
        ids.map { i in
            let truth = ((i * 37) % 100 >= 45) != flip
            return LabelEvent(
                modelID: "m", requestID: "r\(i)", timestamp: start + Double(i) + delay, truthText: truth ? "1" : "0")
        }
    }

    /// The labelled predictions of the whole traffic, as the store joins them, in one sketch.
    static func joined(_ store: SQLiteEventStore) async throws -> PerformanceSketch {
        var sketch = PerformanceSketch()
        for pair in try await store.labeled(modelID: "m", from: start - 3_600, to: start + 86_400, limit: 1_000_000) {
            sketch.add(pair.labeledPrediction)
        }
        return sketch
    }

    static func profiled(_ store: SQLiteEventStore, segment: String = "") async throws -> PerformanceSketch {
        try await store.windowProfile(
            modelID: "m", version: nil, segment: segment, from: start - 3_600, to: start + 86_400, detail: .labels
        ).labeled
    }

    static func expectSame(_ a: PerformanceSketch, _ b: PerformanceSketch, _ comment: Comment) throws {
        #expect(a.pairs == b.pairs, comment)
        #expect(a.delays == b.delays, comment)
        let left = try a.binaryMetrics(isPositive: { $0 == "1.0" }, scoreClass: "1.0")
        let right = try b.binaryMetrics(isPositive: { $0 == "1.0" }, scoreClass: "1.0")
        #expect(left.confusionMatrix == right.confusionMatrix, comment)
        for (x, y) in zip(left.results, right.results) {
            let (l, r) = (try x.result.get(), try y.result.get())
            #expect(abs(l - r) <= 1e-9 * max(1, abs(r)), "\(comment): \(x.name) \(l) vs \(r)")
        }
    }

    @Test func labelsBeforeAndAfterTheirPredictionsAndCorrectionsCountOnce() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        let profiler = Profiler(store: store, batchSize: 150)
        // Labels that arrive before their predictions.
        try await store.insert(Self.labels(0..<100))
        _ = try await store.insert(Self.events(500))
        try await profiler.catchUp()
        try Self.expectSame(try await Self.profiled(store), try await Self.joined(store), "labels first")
        // Labels after their predictions were profiled, some re-sent unchanged.
        try await store.insert(Self.labels(100..<400))
        try await store.insert(Self.labels(150..<200))
        try await profiler.catchUp()
        try Self.expectSame(try await Self.profiled(store), try await Self.joined(store), "labels after")
        // Corrections: the old value goes out, the new one in; more predictions meanwhile.
        try await store.insert(Self.labels(0..<300, flip: true, delay: 600))
        _ = try await store.insert(Self.events(200, from: 500))
        try await store.insert(Self.labels(450..<650))
        try await profiler.catchUp()
        let profiled = try await Self.profiled(store)
        try Self.expectSame(profiled, try await Self.joined(store), "corrections")
        let labelled = Array(0..<400) + Array(450..<650)
        #expect(profiled.pairs == labelled.count)
        // Segments and versions split the same labels.
        let eu = try await Self.profiled(store, segment: "region:eu")
        let us = try await Self.profiled(store, segment: "region:us")
        #expect(eu.pairs + us.pairs == labelled.count)
        let v2 = try await store.windowProfile(
            modelID: "m", version: "v2", segment: "", from: Self.start, to: Self.start + 3_600, detail: .labels)
        #expect(v2.labeled.pairs == labelled.filter { $0 % 3 == 0 }.count)
        // A rebuild counts every label once again.
        try await profiler.rebuild()
        try Self.expectSame(try await Self.profiled(store), try await Self.joined(store), "rebuilt")
    }

    @Test func aLateLabelRewritesOnlyTheLabelRowsOfItsPredictionsBuckets() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        _ = try await store.insert(Self.events(300))
        try await Profiler(store: store).catchUp()
        let before = try await ProfileStoreTests.blobs(database.path)
        try await store.insert(Self.labels(0..<300))
        try await Profiler(store: store).catchUp()
        #expect(try await ProfileStoreTests.blobs(database.path) == before)
        let queue = try DatabaseQueue(path: database.path)
        let rows = try await queue.read { db in
            try Set(
                Row.fetchAll(db, sql: "SELECT model_version, segment, resolution, bucket_start FROM label_profiles")
                    .map { "\($0[0] as String)|\($0[1] as String)|\($0[2] as String)|\($0[3] as Int64)" })
        }
        // One label row per profile bucket (every prediction here is labelled).
        #expect(rows == Set(before.keys.map { String($0.drop { $0 != "|" }.dropFirst()) }))
        #expect(try await Self.profiled(store).pairs == 300)
    }

    @Test func aLabelStoredWhileABatchIsReadIsCountedByOneSideOnly() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        _ = try await store.insert(Self.events(100))
        // The profiler reads the label changes (none), then a label arrives for a prediction of
        // the batch, then the profiler reads the events, which see the label.
        let position = try await store.profilePosition()
        let changes = try await store.labelsToProfile(after: position.labels, events: position.events, limit: 1_000)
        #expect(changes.read == 0)
        try await store.insert(Self.labels(0..<10))
        let events = try await store.eventsToProfile(after: position.events, limit: 1_000)
        #expect(events.filter { $0.label != nil }.count == 10)
        var increments = ProfileBuilder.increments(for: events)
        ProfileBuilder.addLabels(changes.changes, to: &increments)
        let counted = events.compactMap { event in event.label.map { CountedLabel(modelID: "m", label: $0) } }
        let next = ProfilePosition(events: events.last!.position, labels: changes.through)
        #expect(try await store.mergeProfiles(increments, after: position, through: next, counted: counted))
        // The next pass sees the same labels as changes: it takes out what was counted and adds
        // them again.
        try await Profiler(store: store).catchUp()
        let profiled = try await Self.profiled(store)
        #expect(profiled.pairs == 10)
        try Self.expectSame(profiled, try await Self.joined(store), "raced")
    }

    @Test func retentionKeepsLabelsTheProfilesHaveNotCounted() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        _ = try await store.insert(Self.events(100))
        try await Profiler(store: store).catchUp()
        // Labels timestamped long before their predictions, older than the cutoff; the
        // predictions are newer and stay.
        try await store.insert(Self.labels(0..<50, delay: -5_000))
        let cutoff = Self.start - 1_000
        let queue = try DatabaseQueue(path: database.path)
        func labels() async throws -> Int? {
            try await queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM label_events") }
        }
        #expect(try await store.deleteEvents(before: cutoff, limit: 1_000) == 0)
        #expect(try await labels() == 50)
        try await Profiler(store: store).catchUp()
        _ = try await store.deleteEvents(before: cutoff, limit: 1_000)
        #expect(try await labels() == 0)
        #expect(try await Self.profiled(store).pairs == 50)
    }

    @Test func labelsStoredBeforeTheUpgradeAreCountedOnce() async throws {
        let database = TemporaryDatabase()
        try FileManager.default.createDirectory(
            atPath: (database.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do {
            let queue = try DatabaseQueue(path: database.path)
            try Migrations.migrator.migrate(queue, upTo: "v9_version_references")
            try await queue.write { db in
                for i in 0..<40 {
                    try db.execute(
                        sql: """
                            INSERT INTO inference_events (model_id, request_id, ts, y_pred_text, y_proba, received_at)
                            VALUES ('m', ?, ?, ?, ?, 0)
                            """,
                        arguments: [
                            "r\(i)", Int64((Self.start.timeIntervalSince1970 + Double(i)) * 1000),
                            i % 2 == 0 ? "1" : "0",
                            "{\"1\":\(Double(i) / 40)}",
                        ])
                    try db.execute(
                        sql: """
                            INSERT INTO label_events (model_id, request_id, ts, y_true_text, received_at)
                            VALUES ('m', ?, ?, ?, ?)
                            """,
                        arguments: [
                            "r\(i)", Int64((Self.start.timeIntervalSince1970 + Double(i) + 60) * 1000),
                            i % 3 == 0 ? "1" : "0", 40 - i,
                        ])
                }
                // Half the predictions were profiled before the upgrade.
                try db.execute(sql: "UPDATE profile_position SET position = 20")
            }
        }
        let store = try await database.open()
        let queue = try DatabaseQueue(path: database.path)
        let sequence = try await queue.read { db in
            try Int64.fetchAll(db, sql: "SELECT seq FROM label_events ORDER BY received_at")
        }
        #expect(sequence == Array(1...40))
        try await Profiler(store: store).catchUp()
        // Only the predictions after the old position are in the profiles; all 40 labels count.
        #expect(try await Self.profiled(store).pairs == 40)
        try await Profiler(store: store).rebuild()
        try Self.expectSame(try await Self.profiled(store), try await Self.joined(store), "upgraded")
    }
}
