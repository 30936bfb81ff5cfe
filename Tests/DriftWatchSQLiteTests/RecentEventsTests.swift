import DriftWatchCore
import Foundation
import GRDB
import Testing

@testable import DriftWatchSQLite

/// The profiler takes the inferences this process committed from memory: what it gets must be
/// exactly what reading them back from the file gives, labels included, and nothing the file
/// holds may be left out.
@Suite struct RecentEventsTests {
    private static func event(
        _ requestID: String, ms: Int64 = 1_790_000_000_123, model: String = "m",
        _ configure: (inout InferenceEvent) -> Void = { _ in }
    ) -> InferenceEvent {
        var event = InferenceEvent(
            modelID: model, requestID: requestID, timestamp: Date(timeIntervalSince1970: Double(ms) / 1000 + 0.000_4),
            predictionNumber: 0.25, features: ["x": .number(1.5), "c": .text("a")])
        configure(&event)
        return event
    }

    /// Events of every shape, with a label stored before its inference and one after.
    private static func fill(_ store: SQLiteEventStore) async throws {
        let early = LabelEvent(
            modelID: "m", requestID: "early", timestamp: Date(timeIntervalSince1970: 1_790_000_100), truthNumber: 1)
        // A request id that JSON must escape: the label lookup passes the ids as a JSON array.
        let escaped = LabelEvent(
            modelID: "m", requestID: "q\"u\\o,t]e é\n", timestamp: Date(timeIntervalSince1970: 1_790_000_150),
            truthNumber: 0)
        try await store.insert([early, escaped])
        _ = try await store.insert([
            event("plain"),
            event("early"),
            event("full", model: "other") { event in
                event.modelVersion = "v2"
                event.predictionNumber = nil
                event.predictionText = "cat"
                event.probabilities = ["cat": 0.75, "dog": 0.25, "bad": .nan]
                event.latencyMilliseconds = 12.5
                event.features = [
                    "n": .number(-0.000_001), "t": .text("é \"q\""), "m": .missing, "inf": .number(.infinity),
                    "nan": .number(.nan),
                ]
                event.segments = ["region": "eu", "tier": "gold"]
                event.error = "timeout"
                event.schemaViolations = [SchemaViolation(field: "t", kind: .typeMismatch)]
            },
            event("nan-prediction") { event in
                event.predictionNumber = .nan
                event.latencyMilliseconds = .nan
            },
        ])
        _ = try await store.insert([event("plain"), event("late"), event("q\"u\\o,t]e é\n")])  // "plain" again: a duplicate
        try await store.insert([
            LabelEvent(
                modelID: "m", requestID: "late", timestamp: Date(timeIntervalSince1970: 1_790_000_200),
                truthNumber: 0),
            LabelEvent(
                modelID: "other", requestID: "full", timestamp: Date(timeIntervalSince1970: 1_790_000_300),
                truthText: "dog"),
        ])
    }

    @Test func eventsFromMemoryAreTheEventsReadFromTheFile() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        try await Self.fill(store)
        let fromFile = try SQLiteEventStore(path: database.path, recentEvents: 0)

        let remembered = try await store.eventsToProfile(after: 0, limit: 100)
        let read = try await fromFile.eventsToProfile(after: 0, limit: 100)
        #expect(store.recentEvents.count == 6, "every stored inference was kept")
        #expect(remembered.map(\.position) == [1, 2, 3, 4, 5, 6])
        #expect(remembered == read)
        #expect(remembered.compactMap(\.label).count == 4, "early, late, full and the escaped id are labelled")
        // Part of the way, as a profiler pass with a small batch reads them.
        #expect(try await store.eventsToProfile(after: 2, limit: 2) == Array(read[2..<4]))
        #expect(store.recentEvents.count == 4, "what was profiled is dropped")
        #expect(try await store.eventsToProfile(after: 6, limit: 10).isEmpty)
    }

    @Test func profilesBuiltFromMemoryEqualProfilesBuiltFromTheFile() async throws {
        let remembered = TemporaryDatabase()
        let read = TemporaryDatabase()
        let withMemory = try await remembered.open()
        let migrated = try await read.open()
        let fromFile = try SQLiteEventStore(path: read.path, recentEvents: 0)
        try await Self.fill(withMemory)
        try await Self.fill(migrated)
        #expect(try await Profiler(store: withMemory).catchUp() == 6)
        #expect(try await Profiler(store: fromFile).catchUp() == 6)
        let from = Date(timeIntervalSince1970: 1_789_900_000)
        let to = Date(timeIntervalSince1970: 1_790_100_000)
        for (model, version) in [("m", nil), ("other", "v2")] as [(String, String?)] {
            for resolution in ProfileResolution.allCases {
                for segment in [ProfileBuilder.allTraffic, nil, "region:eu"] as [String?] {
                    let a = try await withMemory.profiles(
                        modelID: model, version: version, segment: segment, resolution: resolution, from: from, to: to)
                    let b = try await fromFile.profiles(
                        modelID: model, version: version, segment: segment, resolution: resolution, from: from, to: to)
                    #expect(a == b)
                    let labelsA = try await withMemory.profiles(
                        modelID: model, version: version, segment: segment, resolution: resolution, from: from, to: to,
                        detail: .labels)
                    let labelsB = try await fromFile.profiles(
                        modelID: model, version: version, segment: segment, resolution: resolution, from: from, to: to,
                        detail: .labels)
                    #expect(labelsA == labelsB)
                    // All traffic, and every segment of the model that has segments.
                    #expect(a.isEmpty == (model == "m" && segment != ProfileBuilder.allTraffic))
                }
            }
        }
    }

    @Test func preparedBatchesCommittedTogetherAreKeptAtTheirRowsPositions() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        // "a" again in the second batch: a duplicate, which takes no position.
        let first = try store.prepare([Self.event("a"), Self.event("b")])
        let next = try store.prepare([Self.event("a"), Self.event("c") { $0.predictionNumber = 7 }])
        #expect(try await store.insert(prepared: [first, next]) == [true, true, false, true])
        #expect(
            store.recentEvents.take(after: 0, limit: 10)?.map(\.position) == [1, 2, 3],
            "every new inference of both batches was kept, at its row's position")
        let remembered = try await store.eventsToProfile(after: 0, limit: 10)
        let read = try await SQLiteEventStore(path: database.path, recentEvents: 0).eventsToProfile(
            after: 0, limit: 10)
        #expect(remembered.map(\.position) == [1, 2, 3])
        #expect(remembered.last?.predictionNumber == 7)
        #expect(remembered == read)
    }

    @Test func rowsWrittenByAnotherConnectionAreNeverLeftOut() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        _ = try await store.insert([Self.event("a")])
        let other = try DatabaseQueue(path: database.path)
        try await other.write { db in
            try db.execute(
                sql: """
                    INSERT INTO inference_events (model_id, request_id, ts, features, segments, y_proba, received_at)
                    VALUES ('m', 'b', 1790000000123, '{}', '{}', '{}', 0)
                    """)
        }
        _ = try await store.insert([Self.event("c")])
        #expect(store.recentEvents.count == 1, "c, after the gap, was left to the file")
        let events = try await store.eventsToProfile(after: 0, limit: 10)
        #expect(events.map(\.position) == [1, 2, 3])
        #expect(try await store.eventsToProfile(after: 2, limit: 10).map(\.position) == [3])
    }

    @Test func anEventAfterEveryOlderOneExpiredIsStillProfiled() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        // A backfill far in the past, profiled, then expired.
        _ = try await store.insert((0..<3).map { Self.event("old\($0)", ms: 1_000_000_000_000 + Int64($0)) })
        #expect(try await Profiler(store: store).catchUp() == 3)
        #expect(try await store.deleteEvents(before: Date(timeIntervalSince1970: 1_700_000_000), limit: 100) == 2)
        _ = try await store.insert([Self.event("new")])
        #expect(try await Profiler(store: store).catchUp() == 1, "the new event got a position after the profiled ones")
        #expect(try await store.profilePosition().events == 4)
    }

    @Test func theCacheIsBoundedAndTheRestIsReadFromTheFile() async throws {
        let database = TemporaryDatabase()
        let store = try SQLiteEventStore(path: database.path, recentEvents: 4)
        try await store.migrate()
        for index in 0..<25 { _ = try await store.insert([Self.event("r\(index)")]) }
        #expect(store.recentEvents.count == 4)
        #expect(
            store.recentEvents.take(after: 0, limit: 100)?.map(\.event.position) == [1, 2, 3, 4],
            "the oldest are kept: a profiler that trails needs them next")
        let all = try await store.eventsToProfile(after: 0, limit: 100)
        #expect(all.map(\.position) == Array(1...25), "the cache's run, then the file")
        #expect(try await store.eventsToProfile(after: 2, limit: 5).map(\.position) == [3, 4, 5, 6, 7])
        #expect(try await store.eventsToProfile(after: 23, limit: 100).map(\.position) == [24, 25])
    }

    @Test func aTrailingPassReadsTheFileOnlyUpToTheRunHeld() async throws {
        let database = TemporaryDatabase()
        let store = try SQLiteEventStore(path: database.path, recentEvents: 4)
        try await store.migrate()
        for index in 0..<6 { _ = try await store.insert([Self.event("a\(index)")]) }  // 1…4 held, 5, 6 not
        // The profiler takes the held run; the next write starts a new run at 7.
        #expect(try await store.eventsToProfile(after: 0, limit: 4).map(\.position) == [1, 2, 3, 4])
        _ = try await store.eventsToProfile(after: 4, limit: 1)
        for index in 0..<3 { _ = try await store.insert([Self.event("b\(index)")]) }
        #expect(store.recentEvents.take(after: 6, limit: 10)?.map(\.event.position) == [7, 8, 9])
        // The file's copy of 8 is changed behind the cache's back: a pass that read 8 from the
        // file would see it.
        let other = try DatabaseQueue(path: database.path)
        try await other.write { db in
            try db.execute(sql: #"UPDATE inference_events SET features = '{"x":99}' WHERE id = 8"#)
        }
        let pass = try await store.eventsToProfile(after: 4, limit: 100)
        #expect(pass.map(\.position) == [5, 6, 7, 8, 9], "5 and 6 from the file, then the run from memory")
        #expect(pass[3].features["x"] == .number(1.5), "8 came from memory")
        #expect(store.recentEvents.count == 3, "a pass not yet merged drops nothing past where it started")
    }

    @Test func takeServesOnlyWhatFollowsThePosition() {
        let recent = RecentEvents(capacity: 10)
        func entries(_ positions: ClosedRange<Int64>) -> [RecentEvents.Entry] {
            positions.map { position in
                RecentEvents.Entry(
                    position: position,
                    content: RecentEvents.Entry.Content(
                        event: ProfiledEvent(position: 0, modelID: "m", timestamp: Date(timeIntervalSince1970: 0)),
                        requestID: "r\(position)", probabilities: [:], timestamp: 0))
            }
        }
        recent.append(entries(5...9))
        #expect(recent.take(after: 3, limit: 10) == nil, "position 4 is not held")
        #expect(recent.take(after: 4, limit: 2)?.map(\.event.position) == [5, 6])
        #expect(recent.take(after: 6, limit: 10)?.map(\.event.position) == [7, 8, 9])
        #expect(recent.count == 3)
        #expect(recent.take(after: 9, limit: 10) == nil)
        #expect(recent.count == 0)
        recent.append(entries(10...11))
        recent.append(entries(13...14))
        #expect(recent.take(after: 9, limit: 10)?.map(\.event.position) == [10, 11], "the gap at 12 kept 10 and 11")
        #expect(recent.take(after: 12, limit: 10) == nil, "13 and 14 were left to the file")
        #expect(recent.count == 0)
        recent.append(entries(15...20))
        recent.append(entries(21...30))
        #expect(recent.count == 10, "full: 25 to 30 were left to the file")
        #expect(recent.take(after: 14, limit: 20)?.map(\.event.position) == Array(15...24))
        recent.append(entries(3...4))
        #expect(recent.count == 2, "positions that go back replace the run")
        #expect(recent.firstPosition == 3)
        #expect(recent.take(after: 3, limit: 10, counted: 2)?.map(\.event.position) == [4], "inside the run")
        #expect(recent.count == 2, "nothing after 2 dropped")
        #expect(recent.take(after: 2, limit: 10)?.map(\.event.position) == [3, 4])
    }
}
