import DriftWatchCore
import Foundation
import GRDB

extension SQLiteEventStore {
    /// Creates or replaces a model's definition, keeping its creation time.
    public func save(_ model: ModelDefinition) async throws {
        let row = try ModelRow(model)
        try await pool.write { db in
            try db.execute(sql: ModelSQL.upsert, arguments: row.arguments)
        }
    }

    /// Creates a model's definition unless one exists; returns the stored definition.
    public func saveIfAbsent(_ model: ModelDefinition) async throws -> ModelDefinition {
        let row = try ModelRow(model)
        return try await pool.write { db in
            try db.execute(sql: ModelSQL.insertIfAbsent, arguments: row.arguments)
            guard let stored = try Row.fetchOne(db, sql: ModelSQL.selectOne, arguments: [model.id]) else {
                throw SQLiteEventStoreError.unreadableModel(id: model.id)
            }
            return try ModelDefinition(row: stored)
        }
    }

    /// Every model, by id.
    public func models() async throws -> [ModelDefinition] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: ModelSQL.selectAll).map(ModelDefinition.init(row:))
        }
    }

    /// One model, or nil.
    public func model(id: String) async throws -> ModelDefinition? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: ModelSQL.selectOne, arguments: [id]).map(ModelDefinition.init(row:))
        }
    }

    /// The schema violations counted for `modelID`, by field and kind.
    public func schemaViolationCounts(modelID: String) async throws -> [SchemaViolationCount] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT field, kind, count, last_seen FROM schema_violation_counts
                    WHERE model_id = ? ORDER BY field, kind
                    """,
                arguments: [modelID]
            ).compactMap { row in
                guard let kind = SchemaViolation.Kind(rawValue: row["kind"]) else { return nil }
                return SchemaViolationCount(
                    field: row["field"], kind: kind, count: row["count"], lastSeen: Date(milliseconds: row["last_seen"])
                )
            }
        }
    }

    /// Stored inferences and labels of `modelID`, and the time span of its inferences.
    public func activity(modelID: String) async throws -> ModelActivity {
        try await pool.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT
                        (SELECT COUNT(*) FROM inference_events WHERE model_id = ?1) AS inferences,
                        (SELECT COUNT(*) FROM label_events WHERE model_id = ?1) AS labels,
                        (SELECT MIN(ts) FROM inference_events WHERE model_id = ?1) AS first_ts,
                        (SELECT MAX(ts) FROM inference_events WHERE model_id = ?1) AS last_ts
                    """,
                arguments: [modelID])
            let first: Int64? = row?["first_ts"]
            let last: Int64? = row?["last_ts"]
            return ModelActivity(
                inferences: row?["inferences"] ?? 0, labels: row?["labels"] ?? 0,
                firstEvent: first.map(Date.init(milliseconds:)), lastEvent: last.map(Date.init(milliseconds:)))
        }
    }
}

private enum ModelSQL {
    static let columns = "id, task, schema, origin, description, created_at, updated_at"
    static let upsert = """
        INSERT INTO models (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
            task = excluded.task, schema = excluded.schema, origin = excluded.origin,
            description = excluded.description, updated_at = excluded.updated_at
        """
    static let insertIfAbsent = """
        INSERT INTO models (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
        """
    static let selectAll = "SELECT \(columns) FROM models ORDER BY id"
    static let selectOne = "SELECT \(columns) FROM models WHERE id = ?"
}

/// A model encoded for its row; the schema is JSON text:
/// `{"features":{"age":"numeric","plan":"categorical"},"segments":["region"]}`.
private struct ModelRow {
    var arguments: StatementArguments

    init(_ model: ModelDefinition) throws {
        var writer = JSONWriter()
        writer.raw("{\"features\":")
        writer.object(model.schema.features) { writer, type in writer.string(type.rawValue) }
        writer.raw(",\"segments\":")
        writer.array(model.schema.segments.sorted()) { writer, key in writer.string(key) }
        writer.raw("}")
        arguments = [
            model.id, model.task.rawValue, writer.text, model.origin.rawValue, model.description,
            try Int64(milliseconds: model.createdAt), try Int64(milliseconds: model.updatedAt),
        ]
    }
}

extension ModelDefinition {
    fileprivate init(row: Row) throws {
        let id: String = row["id"]
        guard case .object(let schema) = try JSONParser.parse(row["schema"] as String),
            let task = ModelTask(rawValue: row["task"]), let origin = ModelOrigin(rawValue: row["origin"])
        else { throw SQLiteEventStoreError.unreadableModel(id: id) }
        var features: [String: FeatureType] = [:]
        for (name, value) in schema["features"]?.objectValue ?? [:] {
            guard case .string(let typeName) = value, let type = FeatureType(rawValue: typeName) else {
                throw SQLiteEventStoreError.unreadableModel(id: id)
            }
            features[name] = type
        }
        var segments: Set<String> = []
        if case .array(let keys)? = schema["segments"] {
            for case .string(let key) in keys { segments.insert(key) }
        }
        let createdAt = Date(milliseconds: row["created_at"])
        let updated: Int64 = row["updated_at"]
        self.init(
            id: id, task: task, schema: ModelSchema(features: features, segments: segments), origin: origin,
            description: row["description"], createdAt: createdAt,
            updatedAt: updated == 0 ? createdAt : Date(milliseconds: updated))
    }
}
