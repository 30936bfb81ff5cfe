import DriftWatchCore
import DriftWatchSQLite
import Foundation
import GRDB
import Testing

/// A date with whole milliseconds, the precision the store keeps.
private func date(milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds) / 1000)
}

private func inference(_ requestID: String, model: String = "churn", ms: Int64 = 1_760_000_000_123) -> InferenceEvent {
    InferenceEvent(
        modelID: model, requestID: requestID, timestamp: date(milliseconds: ms), predictionNumber: 0.5,
        features: ["x": .number(1)])
}

@Suite("SQLiteEventStore")
struct SQLiteEventStoreTests {
    @Test func everyFieldRoundTrips() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        let full = InferenceEvent(
            modelID: "fraud-v2", modelVersion: "2.3.1", requestID: "req-ü-\"quoted\"",
            timestamp: date(milliseconds: 1_760_000_000_123), predictionNumber: -0.000_001_25,
            predictionText: "fraud", probabilities: ["fraud": 0.1, "ok": 0.9, "tiny": 1e-300],
            latencyMilliseconds: 12.75,
            features: [
                "amount": .number(1234.5678), "zero": .number(0), "negative": .number(-3.2e15),
                "third": .number(1.0 / 3.0), "country": .text("DE"), "empty": .text(""),
                "numeric-looking": .text("42"), "null-looking": .text("null"), "age": .missing,
                "escapes": .text("tab\tnewline\nquote\"backslash\\ctl\u{01}\u{1F}emoji🚀"),
                "key \"quoted\"\n\\": .number(1e-7), "ключ": .text("значение"),
            ],
            segments: ["region": "eu-west", "tier": "gold \"plus\""], error: "timeout after 50 ms")
        let minimal = InferenceEvent(
            modelID: "fraud-v2", requestID: "minimal", timestamp: date(milliseconds: -86_400_000))

        #expect(try await store.insert([full, minimal]) == [true, true])

        let storedFull = try #require(try await store.event(modelID: "fraud-v2", requestID: full.requestID))
        #expect(storedFull.inference == full)
        #expect(storedFull.label == nil)
        let storedMinimal = try #require(try await store.event(modelID: "fraud-v2", requestID: "minimal"))
        #expect(storedMinimal.inference == minimal)
        #expect(try await store.event(modelID: "fraud-v2", requestID: "absent") == nil)
        #expect(try await store.event(modelID: "other", requestID: "minimal") == nil)
    }

    @Test func aRowSQLiteRefusesFailsItsBatchWithSQLitesErrorAndLeavesNothingOfIt() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        let queue = try DatabaseQueue(path: database.path)
        try await queue.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER poison BEFORE INSERT ON inference_events WHEN NEW.request_id = 'poison'
                    BEGIN SELECT RAISE(ABORT, 'poisoned row'); END
                    """)
        }
        await #expect {
            try await store.insert([inference("a"), inference("poison"), inference("b")])
        } throws: { error in
            (error as? DatabaseError)?.message == "poisoned row"
        }
        #expect(try await store.event(modelID: "churn", requestID: "a") == nil)
        #expect(try await store.inferenceCount(modelID: nil) == 0)
        // The statement is reset: the next batch is stored.
        #expect(try await store.insert([inference("a"), inference("b")]) == [true, true])
        #expect(try await store.inferenceCount(modelID: "churn") == 2)
    }

    @Test func timestampsAreKeptToTheMillisecond() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        let event = InferenceEvent(
            modelID: "m", requestID: "r", timestamp: Date(timeIntervalSince1970: 1_760_000_000.123_456_7))
        _ = try await store.insert([event])
        let stored = try #require(try await store.event(modelID: "m", requestID: "r"))
        #expect(stored.inference.timestamp == date(milliseconds: 1_760_000_000_123))
    }

    @Test func duplicatesWithinABatchAreStoredOnceAndReported() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        var second = inference("a")
        second.predictionNumber = 99
        let isNew = try await store.insert([inference("a"), inference("b"), second, inference("a", model: "other")])
        #expect(isNew == [true, true, false, true])
        #expect(try await store.inferenceCount(modelID: "churn") == 2)
        #expect(try await store.inferenceCount(modelID: "other") == 1)
        #expect(try await store.inferenceCount(modelID: nil) == 3)
        // The first one stored wins.
        #expect(try await store.event(modelID: "churn", requestID: "a")?.inference.predictionNumber == 0.5)
    }

    @Test func duplicatesAcrossBatchesAreStoredOnceAndReported() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        #expect(try await store.insert([inference("a"), inference("b")]) == [true, true])
        #expect(try await store.insert([inference("b"), inference("c"), inference("a")]) == [false, true, false])
        #expect(try await store.insert([]) == [])
        #expect(try await store.inferenceCount(modelID: "churn") == 3)
    }

    @Test func preparedBatchesAreStoredInOrderInOneCall() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        var second = inference("a")
        second.predictionNumber = 99
        let first = try store.prepare([inference("a"), inference("b")])
        let next = try store.prepare([second, inference("c")])
        #expect(first.count == 2 && next.count == 2)
        #expect(try await store.insert(prepared: [first, next]) == [true, true, false, true])
        #expect(try await store.insert(prepared: []) == [])
        #expect(try await store.inferenceCount(modelID: "churn") == 3)
        #expect(try await store.event(modelID: "churn", requestID: "a")?.inference.predictionNumber == 0.5)
    }

    @Test func aBatchPreparedByAnotherKindOfStoreIsRefused() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        // What the port's default preparation makes: the events as they are.
        let foreign = PreparedInferences(count: 1, encoded: [inference("a")])
        await #expect(throws: PreparedInferences.ForeignBatch()) { try await store.insert(prepared: [foreign]) }
        #expect(try await store.inferenceCount(modelID: nil) == 0)
    }

    @Test func aLabelStoredBeforeItsInferenceIsJoinedWhenItArrives() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        let label = LabelEvent(
            modelID: "churn", requestID: "early", timestamp: date(milliseconds: 1_760_000_100_000), truthText: "yes")
        try await store.insert([label])
        #expect(try await store.event(modelID: "churn", requestID: "early") == nil)
        #expect(try await store.inferenceCount(modelID: nil) == 0)

        _ = try await store.insert([inference("early"), inference("unlabelled")])
        let stored = try #require(try await store.event(modelID: "churn", requestID: "early"))
        #expect(stored.inference == inference("early"))
        #expect(stored.label == label)
        #expect(try await store.event(modelID: "churn", requestID: "unlabelled")?.label == nil)
    }

    @Test func aLaterLabelReplacesAnEarlierOne() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        _ = try await store.insert([inference("r")])
        let first = LabelEvent(modelID: "churn", requestID: "r", timestamp: date(milliseconds: 1_000), truthNumber: 1)
        let second = LabelEvent(
            modelID: "churn", requestID: "r", timestamp: date(milliseconds: 2_000), truthText: "no")
        let third = LabelEvent(modelID: "churn", requestID: "r", timestamp: date(milliseconds: 500), truthNumber: 0)
        try await store.insert([first])
        #expect(try await store.event(modelID: "churn", requestID: "r")?.label == first)
        try await store.insert([second])
        #expect(try await store.event(modelID: "churn", requestID: "r")?.label == second)
        // Later in arrival order wins, within a batch too, whatever the label's own timestamp.
        try await store.insert([first, third])
        #expect(try await store.event(modelID: "churn", requestID: "r")?.label == third)
    }

    @Test func migrationsAreRecordedAndNotReappliedOnReopen() async throws {
        let database = TemporaryDatabase()
        do {
            let store = try await database.open()
            #expect(
                try await store.appliedMigrations() == TemporaryDatabase.migrations)
            _ = try await store.insert([inference("kept")])
            try await store.insert([LabelEvent(modelID: "churn", requestID: "kept", timestamp: date(milliseconds: 7))])
        }
        let reopened = try SQLiteEventStore(path: database.path)
        #expect(
            try await reopened.appliedMigrations() == TemporaryDatabase.migrations)
        // Re-running v1 would fail on CREATE TABLE; migrating again must be a no-op.
        try await reopened.migrate()
        try await reopened.migrate()
        #expect(
            try await reopened.appliedMigrations() == TemporaryDatabase.migrations)
        #expect(try await reopened.inferenceCount(modelID: nil) == 1)
        let stored = try #require(try await reopened.event(modelID: "churn", requestID: "kept"))
        #expect(stored.inference == inference("kept"))
        #expect(stored.label?.timestamp == date(milliseconds: 7))
        #expect(try await reopened.insert([inference("kept")]) == [false])
    }

    @Test func aFreshFileHasNoMigrationsUntilMigrated() async throws {
        let database = TemporaryDatabase()
        let store = try SQLiteEventStore(path: database.path)
        #expect(try await store.appliedMigrations() == [])
        try await store.migrate()
        #expect(
            try await store.appliedMigrations() == TemporaryDatabase.migrations)
    }

    @Test func walModeAndFullSynchronousAreOn() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        let settings = try await store.connectionSettings()
        #expect(settings.journalMode == "wal")
        #expect(settings.synchronous == 2)  // FULL
        // WAL is persistent in the file: header bytes 18 and 19 (read/write versions) are 2.
        let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: database.path)).read(upToCount: 20)
        #expect(header.map { Array($0[18..<20]) } == [2, 2])
        #expect(FileManager.default.fileExists(atPath: database.path + "-wal"))
    }

    @Test func aBatchOfAThousandIsStoredInOneCall() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        let events = (0..<1_000).map { index in
            InferenceEvent(
                modelID: "bulk", requestID: "r\(index)", timestamp: date(milliseconds: Int64(index)),
                features: Dictionary(uniqueKeysWithValues: (0..<20).map { ("f\($0)", .number(Double(index * $0))) }),
                segments: ["region": "r\(index % 3)", "tier": "t\(index % 2)"])
        }
        #expect(try await store.insert(events) == Array(repeating: true, count: 1_000))
        #expect(try await store.insert(Array(events[990...])) == Array(repeating: false, count: 10))
        #expect(try await store.inferenceCount(modelID: "bulk") == 1_000)
        #expect(try await store.event(modelID: "bulk", requestID: "r777")?.inference == events[777])
    }
}
