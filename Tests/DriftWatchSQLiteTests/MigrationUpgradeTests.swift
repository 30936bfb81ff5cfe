import DriftWatchCore
import Foundation
import GRDB
import Testing

@testable import DriftWatchSQLite

/// A database written by an older version is upgraded in place and keeps its data.
@Suite struct MigrationUpgradeTests {
    @Test func aVersion1DatabaseIsUpgradedAndItsEventsStayReadable() async throws {
        let database = TemporaryDatabase()
        try FileManager.default.createDirectory(
            atPath: (database.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do {
            let queue = try DatabaseQueue(path: database.path)
            try Migrations.migrator.migrate(queue, upTo: "v1_models_events_labels")
            try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO models (id, task, schema, created_at) VALUES ('old', 'binary', '{"features":{"x":"numeric"},"segments":[]}', 1700000000000);
                        INSERT INTO inference_events (model_id, request_id, ts, y_pred_num, features, received_at)
                        VALUES ('old', 'r1', 1700000000123, 0.4, '{"x":1.5}', 1700000000200);
                        INSERT INTO label_events (model_id, request_id, ts, y_true_num, received_at)
                        VALUES ('old', 'r1', 1700000001000, 1, 1700000001000);
                        """)
            }
        }
        let store = try await database.open()
        #expect(
            try await store.appliedMigrations() == TemporaryDatabase.migrations)
        let event = try #require(try await store.event(modelID: "old", requestID: "r1"))
        #expect(event.inference.features == ["x": .number(1.5)])
        #expect(event.inference.schemaViolations.isEmpty)
        #expect(event.label?.truthNumber == 1)
        let model = try #require(try await store.model(id: "old"))
        #expect(model.origin == .declared && model.task == .binary)
        #expect(model.updatedAt == model.createdAt, "a model from before updated_at existed reads as never updated")
        #expect(try await store.activity(modelID: "old").inferences == 1)
    }
}

/// Features text handed over by ingestion is stored as it is, not encoded again.
@Suite struct FeaturesTextStorageTests {
    @Test func theReceivedTextIsTheStoredText() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        let text = #"{ "x" : 1E5, "c": "caf\u00e9" }"#
        let event = InferenceEvent(
            modelID: "m", requestID: "r", timestamp: Date(timeIntervalSince1970: 1_800_000_000),
            features: ["x": .number(100_000), "c": .text("café")], featuresJSON: text)
        _ = try await store.insert([event])
        let queue = try DatabaseQueue(path: database.path)
        let stored = try await queue.read { db in try String.fetchOne(db, sql: "SELECT features FROM inference_events")
        }
        #expect(stored == text)
        #expect(try await store.event(modelID: "m", requestID: "r")?.inference.features == event.features)
    }
}
