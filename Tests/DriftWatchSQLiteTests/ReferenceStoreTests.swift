import DriftWatchCore
import Foundation
import GRDB
import Testing

@testable import DriftWatchSQLite

/// References are stored per model and per model version, and a database from before version
/// references keeps its reference as the model-wide one.
@Suite struct ReferenceStoreTests {
    private static let created = Date(timeIntervalSince1970: 1_800_000_000)

    private func reference(_ model: String, version: String?, numbers: [Double], colours: [String: Int])
        -> ReferenceDataset
    {
        ReferenceDataset(
            modelID: model, modelVersion: version, source: "upload", rowCount: numbers.count,
            columns: [
                .init(name: "x", values: .numbers(numbers), missing: 1),
                .init(name: "colour", values: .categories(CategoryTally(counts: colours, missing: 0)), missing: 0),
            ],
            createdAt: Self.created)
    }

    @Test func eachVersionKeepsItsOwnReferenceBesideTheModelWideOne() async throws {
        let database = TemporaryDatabase()
        let store = try await database.open()
        let wide = reference("m", version: nil, numbers: [1, 2, 3], colours: ["red": 3])
        let v2 = reference("m", version: "v2", numbers: [10, 20], colours: ["blue": 2])
        let other = reference("n", version: "v2", numbers: [7], colours: ["green": 1])
        try await store.save(wide)
        try await store.save(v2)
        try await store.save(other)

        #expect(try await store.reference(modelID: "m") == wide)
        #expect(try await store.reference(modelID: "m", version: "v2") == v2)
        #expect(try await store.reference(modelID: "m", version: "v3") == nil, "no fallback at the store")
        #expect(try await store.reference(modelID: "n") == nil)
        #expect(try await store.referenceVersions(modelID: "m") == ["v2"])

        // Replacing one version's reference leaves the others alone.
        let v2Again = reference("m", version: "v2", numbers: [5], colours: ["blue": 1, "red": 4])
        try await store.save(v2Again)
        #expect(try await store.reference(modelID: "m", version: "v2") == v2Again)
        #expect(try await store.reference(modelID: "m") == wide)
        #expect(try await store.reference(modelID: "n", version: "v2") == other)

        #expect(try await store.deleteReference(modelID: "m", version: "v2"))
        #expect(!(try await store.deleteReference(modelID: "m", version: "v2")), "already gone")
        #expect(try await store.reference(modelID: "m", version: "v2") == nil)
        #expect(try await store.referenceVersions(modelID: "m") == [])
        #expect(try await store.reference(modelID: "m") == wide)
        let queue = try DatabaseQueue(path: database.path)
        let columns = try await queue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM reference_columns WHERE model_id = 'm'")
        }
        #expect(columns == 2, "the deleted reference's columns went with it")
    }

    @Test func aReferenceStoredBeforeVersionReferencesBecomesTheModelWideOne() async throws {
        let database = TemporaryDatabase()
        try FileManager.default.createDirectory(
            atPath: (database.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let numbers: [Double] = [1.5, -2, 3.25]
        do {
            let queue = try DatabaseQueue(path: database.path)
            try Migrations.migrator.migrate(queue, upTo: "v8_profile_summaries")
            try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO reference_datasets (model_id, source, row_count, created_at)
                        VALUES ('old', 'train.csv', 4, 1800000000000);
                        INSERT INTO reference_columns (model_id, position, name, kind, missing, data)
                        VALUES ('old', 0, 'x', 'numeric', 1, ?), ('old', 1, 'colour', 'categorical', 0, ?);
                        """,
                    arguments: [
                        ReferenceColumnData.encode(.numbers(numbers)),
                        ReferenceColumnData.encode(.categories(CategoryTally(counts: ["red": 4], missing: 0))),
                    ])
            }
        }
        let store = try await database.open()
        let upgraded = try #require(try await store.reference(modelID: "old"))
        #expect(upgraded.modelVersion == nil)
        #expect(upgraded.source == "train.csv" && upgraded.rowCount == 4 && upgraded.createdAt == Self.created)
        #expect(upgraded.columns.map(\.name) == ["x", "colour"])
        #expect(upgraded.columns.first?.values == .numbers(numbers))
        #expect(try await store.referenceVersions(modelID: "old") == [])
        // The rebuilt tables still cascade and take version references.
        try await store.save(reference("old", version: "v2", numbers: [9], colours: ["red": 1]))
        #expect(try await store.referenceVersions(modelID: "old") == ["v2"])
        #expect(try await store.reference(modelID: "old") == upgraded)
    }
}
