import DriftWatchCore
import Foundation
import GRDB

extension SQLiteEventStore {
    /// Replaces the reference of the dataset's model and version, in one transaction.
    public func save(_ reference: ReferenceDataset) async throws {
        let created = try Int64(milliseconds: reference.createdAt)
        let version = reference.modelVersion ?? ""
        let rows = reference.columns.enumerated().map { position, column in
            (position, column.name, column.kind.rawValue, column.missing, ReferenceColumnData.encode(column.values))
        }
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM reference_columns WHERE model_id = ? AND model_version = ?",
                arguments: [reference.modelID, version])
            try db.execute(
                sql: """
                    INSERT INTO reference_datasets (model_id, model_version, source, row_count, created_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (model_id, model_version) DO UPDATE SET
                        source = excluded.source, row_count = excluded.row_count, created_at = excluded.created_at
                    """,
                arguments: [reference.modelID, version, reference.source, reference.rowCount, created])
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO reference_columns (model_id, model_version, position, name, kind, missing, data)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            for (position, name, kind, missing, data) in rows {
                try statement.execute(arguments: [reference.modelID, version, position, name, kind, missing, data])
            }
        }
    }

    /// The reference of the model's `version` (nil: the model-wide one), or nil.
    public func reference(modelID: String, version: String?) async throws -> ReferenceDataset? {
        let key = version ?? ""
        return try await pool.read { db in
            guard
                let dataset = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT source, row_count, created_at FROM reference_datasets
                        WHERE model_id = ? AND model_version = ?
                        """,
                    arguments: [modelID, key])
            else { return nil }
            let columns = try Row.fetchAll(
                db,
                sql: """
                    SELECT name, kind, missing, data FROM reference_columns
                    WHERE model_id = ? AND model_version = ? ORDER BY position
                    """,
                arguments: [modelID, key]
            ).map { row in
                let name: String = row["name"]
                guard let kind = ColumnKind(rawValue: row["kind"]),
                    let values = ReferenceColumnData.decode(row["data"], kind: kind)
                else {
                    throw SQLiteEventStoreError.unreadableRow(
                        column: "reference_columns.data", modelID: modelID, requestID: name)
                }
                let missing: Int = row["missing"]
                if case .categories(var tally) = values {
                    tally.missing = missing
                    return ReferenceDataset.Column(name: name, values: .categories(tally), missing: missing)
                }
                return ReferenceDataset.Column(name: name, values: values, missing: missing)
            }
            return ReferenceDataset(
                modelID: modelID, modelVersion: version, source: dataset["source"], rowCount: dataset["row_count"],
                columns: columns, createdAt: Date(milliseconds: dataset["created_at"]))
        }
    }

    /// The versions that have a reference of their own, sorted.
    public func referenceVersions(modelID: String) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT model_version FROM reference_datasets
                    WHERE model_id = ? AND model_version != '' ORDER BY model_version
                    """,
                arguments: [modelID])
        }
    }

    /// Deletes the reference of the model's `version` (nil: the model-wide one); false when there
    /// was none.
    public func deleteReference(modelID: String, version: String?) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM reference_columns WHERE model_id = ? AND model_version = ?",
                arguments: [modelID, version ?? ""])
            try db.execute(
                sql: "DELETE FROM reference_datasets WHERE model_id = ? AND model_version = ?",
                arguments: [modelID, version ?? ""])
            return db.changesCount > 0
        }
    }
}

/// The stored form of a reference column's values.
enum ReferenceColumnData {
    static func encode(_ values: ReferenceDataset.Column.Values) -> Data {
        switch values {
        case .numbers(let numbers):
            var data = Data(capacity: numbers.count * 8)
            for number in numbers {
                withUnsafeBytes(of: number.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            }
            return data
        case .categories(let tally):
            var writer = JSONWriter()
            writer.object(tally.counts) { writer, count in writer.integer(count) }
            return Data(writer.bytes)
        }
    }

    static func decode(_ data: Data, kind: ColumnKind) -> ReferenceDataset.Column.Values? {
        switch kind {
        case .numeric:
            guard data.count % 8 == 0 else { return nil }
            let numbers = data.withUnsafeBytes { raw in
                (0..<data.count / 8).map {
                    Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)))
                }
            }
            return .numbers(numbers)
        case .categorical:
            guard case .object(let members)? = try? JSONParser.parse(Array(data)) else { return nil }
            var counts: [String: Int] = [:]
            for (label, value) in members {
                guard case .number(let count) = value else { return nil }
                counts[label] = Int(count)
            }
            return .categories(CategoryTally(counts: counts, missing: 0))
        }
    }
}
