import DriftWatchCore
import Foundation
import GRDB

/// The SQLite adapter of the storage port: events and labels in one database file.
///
/// Open it, call ``migrate()`` once, then share the instance: it is safe to use from any task.
/// Writes go through one connection (SQLite allows one writer at a time) and reads use a pool of
/// reader connections that run in parallel with writes (WAL mode).
///
/// Durability: every write returns after its transaction is committed with `synchronous=FULL`,
/// so an acknowledged write survives the process being killed (`kill -9`) and the machine
/// losing power. See ``init(path:)``.
public final class SQLiteEventStore: EventStore {
    let pool: DatabasePool
    /// Inferences committed by this process, for the profiler (see ``RecentEvents``).
    let recentEvents: RecentEvents

    /// How many committed inferences the store keeps in memory for the profiler by default.
    public static let defaultRecentEvents = 50_000

    /// How long a write waits for another process's lock (a CLI, a backup) before failing.
    public static let busyTimeout: TimeInterval = 5

    /// Opens (creating if needed) the database at `path`, creating its directory if needed.
    ///
    /// The connection settings:
    /// - WAL journal (`DatabasePool` sets it, and it persists in the file): readers never block
    ///   the writer nor each other, and a commit appends to the log instead of rewriting pages.
    /// - `synchronous=FULL` on the writer: SQLite fsyncs the WAL at every commit. With GRDB's
    ///   default for WAL (`NORMAL`), commits are only fsynced at checkpoints, so a commit survives
    ///   a process crash but the last transactions can be lost on power loss or OS crash — and
    ///   the port promises that an acknowledged write is durable. The cost is one fsync per
    ///   transaction, which is why inserts are batched into one transaction (group commit).
    ///   On Apple platforms `fullfsync` is also set, because there `fsync` does not flush the
    ///   drive's cache.
    /// - A busy timeout of ``busyTimeout`` seconds, for locks held by other processes.
    ///
    /// `recentEvents` bounds the inferences kept in memory after their commit, so that the
    /// profiler need not read them back from the file (0: always read them from the file).
    ///
    /// Call ``migrate()`` before reading or writing.
    public init(path: String, recentEvents: Int = defaultRecentEvents) throws {
        self.recentEvents = RecentEvents(capacity: recentEvents)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "DriftWatchSQLite"
        pool = try DatabasePool(path: path, configuration: configuration)

        // Must come after opening: `DatabasePool` switches the writer to WAL and then sets
        // `synchronous=NORMAL`, after `Configuration.prepareDatabase` has run. The writer
        // connection lives as long as the pool, so this setting holds for every write.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            #if canImport(Darwin)
                try db.execute(sql: "PRAGMA fullfsync = ON")
                try db.execute(sql: "PRAGMA checkpoint_fullfsync = ON")
            #endif
        }
    }

    // MARK: - Migrations

    /// Applies pending schema migrations, in order, and records them in the database.
    ///
    /// Throws ``SQLiteEventStoreError/databaseIsNewer(unknownMigrations:)`` when the file was
    /// migrated by a newer DriftWatch, instead of running against a schema it does not know.
    public func migrate() async throws {
        let migrator = Migrations.migrator
        let unknown = try await pool.read { db in
            try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
        }
        if !unknown.isEmpty {
            throw SQLiteEventStoreError.databaseIsNewer(unknownMigrations: unknown)
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            migrator.asyncMigrate(pool) { result in
                continuation.resume(with: result.map { _ in () })
            }
        }
    }

    /// The identifiers of the migrations recorded in the database, in order of application.
    public func appliedMigrations() async throws -> [String] {
        try await pool.read { db in
            guard try db.tableExists("grdb_migrations") else { return [] }
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
    }

    /// The writer connection's settings, for health checks and tests.
    public func connectionSettings() async throws -> SQLiteConnectionSettings {
        try await pool.writeWithoutTransaction { db in
            SQLiteConnectionSettings(
                journalMode: try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "",
                synchronous: try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1,
                sqliteVersion: try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "")
        }
    }

    // MARK: - Inferences

    /// Stores `events` in one transaction; per event, `true` if it was new and `false` if an
    /// event with the same (model id, request id) was already stored — earlier, or earlier in
    /// the same batch. Duplicates are not compared: the first event stored wins.
    ///
    /// Timestamps are stored with millisecond precision.
    public func insert(_ events: [InferenceEvent]) async throws -> [Bool] {
        if events.isEmpty { return [] }
        return try await insert(prepared: [prepare(events)])
    }

    /// Encodes `events` for their INSERT and for the profiler's memory of them, outside any
    /// transaction.
    public func prepare(_ events: [InferenceEvent]) throws -> PreparedInferences {
        let receivedAt = Date()
        let keep = recentEvents.capacity > 0
        var batch = InferenceBatch()
        batch.rows.reserveCapacity(events.count)
        if keep { batch.recent.reserveCapacity(events.count) }
        for event in events {
            let row = try InferenceRow(event: event, receivedAt: receivedAt)
            if keep { batch.recent.append(row.recentContent(of: event)) }
            batch.rows.append(row)
        }
        return PreparedInferences(count: events.count, encoded: batch)
    }

    /// Stores batches from ``prepare(_:)`` in one transaction; the writer lock is held only for
    /// the SQL.
    public func insert(prepared batches: [PreparedInferences]) async throws -> [Bool] {
        let encoded = try batches.map { batch in
            guard let encoded = batch.encoded as? InferenceBatch else { throw PreparedInferences.ForeignBatch() }
            return encoded
        }
        let total = encoded.reduce(0) { $0 + $1.rows.count }
        if total == 0 { return [] }
        return try await pool.writeWithoutTransaction { db in
            var isNew: [Bool] = []
            isNew.reserveCapacity(total)
            var committed: [RecentEvents.Entry] = []
            try db.inTransaction(.immediate) {
                let statement = try db.cachedStatement(sql: SQL.insertInference)
                var violations = ViolationTally()
                for batch in encoded {
                    let keep = !batch.recent.isEmpty
                    // By index: iterating the rows copied every one of them.
                    for index in batch.rows.indices {
                        let stored = try batch.rows[index].insert(with: statement, in: db)
                        isNew.append(stored)
                        if stored && batch.rows[index].violations != nil { violations.add(batch.rows[index]) }
                        if stored && keep {
                            committed.append(
                                RecentEvents.Entry(position: db.lastInsertedRowID, content: batch.recent[index]))
                        }
                    }
                }
                try violations.write(db)
                return .commit
            }
            // Committed; still on the writer connection, so in commit order.
            recentEvents.append(committed)
            return isNew
        }
    }

    /// How many inferences are stored for `modelID` (all models when nil).
    public func inferenceCount(modelID: String?) async throws -> Int {
        try await pool.read { db in
            if let modelID {
                return try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT COUNT(*) FROM inference_events WHERE model_id = ?"),
                    arguments: [modelID]) ?? 0
            }
            return try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM inference_events")) ?? 0
        }
    }

    // MARK: - Labels

    /// Stores `labels` in one transaction. A label replaces any stored earlier for the same
    /// (model id, request id), including one earlier in the same batch. A label may arrive before
    /// its inference: it is joined when the inference is read.
    public func insert(_ labels: [LabelEvent]) async throws {
        if labels.isEmpty { return }
        let receivedAt = try Int64(milliseconds: Date())
        let rows = try labels.map { try LabelRow(label: $0, receivedAt: receivedAt) }
        try await pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let statement = try db.cachedStatement(sql: SQL.upsertLabel)
                for row in rows {
                    try statement.execute(arguments: row.arguments)
                }
                return .commit
            }
        }
    }

    // MARK: - Reads

    /// The inference stored for (`modelID`, `requestID`) with its label, if any.
    public func event(modelID: String, requestID: String) async throws -> StoredEvent? {
        try await pool.read { db in
            let statement = try db.cachedStatement(sql: SQL.selectEvent)
            guard let row = try Row.fetchOne(statement, arguments: [modelID, requestID]) else { return nil }
            return try StoredEvent(row: row)
        }
    }
}

/// Settings of the store's writer connection.
public struct SQLiteConnectionSettings: Sendable, Hashable {
    /// `wal` when the store is set up as intended.
    public var journalMode: String
    /// SQLite's `synchronous` level: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. The store uses 2.
    public var synchronous: Int
    /// The SQLite library's version.
    public var sqliteVersion: String
}

/// Errors of the SQLite store beyond SQLite's own (`GRDB.DatabaseError`).
public enum SQLiteEventStoreError: Error, Hashable, CustomStringConvertible {
    /// The database has migrations this build does not know: it was migrated by a newer version.
    case databaseIsNewer(unknownMigrations: [String])
    /// A timestamp outside the range that milliseconds since 1970 can hold in 64 bits.
    case timestampOutOfRange(Date)
    /// A stored row that this version cannot read (corrupt JSON in a map column).
    case unreadableRow(column: String, modelID: String, requestID: String)
    /// A stored model definition that this version cannot read.
    case unreadableModel(id: String)

    public var description: String {
        switch self {
        case .databaseIsNewer(let unknown):
            "the database was migrated by a newer DriftWatch (unknown migrations: \(unknown.joined(separator: ", ")))"
        case .timestampOutOfRange(let date):
            "timestamp out of range: \(date)"
        case .unreadableRow(let column, let modelID, let requestID):
            "unreadable \(column) in stored event \(modelID)/\(requestID)"
        case .unreadableModel(let id):
            "unreadable definition of model \(id)"
        }
    }
}

// MARK: - SQL and row mapping

/// Inferences encoded by ``SQLiteEventStore/prepare(_:)``: their rows and, when the store keeps
/// recent events in memory, what it keeps of each (else empty).
struct InferenceBatch: Sendable {
    var rows: [InferenceRow] = []
    var recent: [RecentEvents.Entry.Content] = []
}

enum SQL {
    static let insertInference = """
        INSERT INTO inference_events (
            model_id, model_version, request_id, ts, y_pred_num, y_pred_text, y_proba, latency_ms,
            features, segments, error, received_at, schema_violations)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (model_id, request_id) DO NOTHING
        """

    static let addViolations = """
        INSERT INTO schema_violation_counts (model_id, field, kind, count, last_seen)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (model_id, field, kind) DO UPDATE SET
            count = count + excluded.count,
            last_seen = max(last_seen, excluded.last_seen)
        """

    static let upsertLabel = """
        INSERT INTO label_events (model_id, request_id, ts, y_true_num, y_true_text, received_at, seq)
        VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM label_events))
        ON CONFLICT (model_id, request_id) DO UPDATE SET
            ts = excluded.ts,
            y_true_num = excluded.y_true_num,
            y_true_text = excluded.y_true_text,
            received_at = excluded.received_at,
            seq = excluded.seq
        """

    static let selectRecent = """
        SELECT
            i.model_id, i.model_version, i.request_id, i.ts, i.y_pred_num, i.y_pred_text, i.y_proba,
            i.latency_ms, i.features, i.segments, i.error, COALESCE(i.schema_violations, '[]') AS schema_violations,
            0 AS has_label, NULL AS label_ts, NULL AS y_true_num, NULL AS y_true_text
        FROM inference_events AS i
        WHERE i.model_id = ? AND i.ts >= ? AND i.ts < ? ORDER BY i.ts DESC LIMIT ?
        """

    static let selectEvent = """
        SELECT
            i.model_id, i.model_version, i.request_id, i.ts, i.y_pred_num, i.y_pred_text, i.y_proba,
            i.latency_ms, i.features, i.segments, i.error, COALESCE(i.schema_violations, '[]') AS schema_violations,
            l.request_id IS NOT NULL AS has_label, l.ts AS label_ts, l.y_true_num, l.y_true_text
        FROM inference_events AS i
        LEFT JOIN label_events AS l ON l.model_id = i.model_id AND l.request_id = i.request_id
        WHERE i.model_id = ? AND i.request_id = ?
        """
}

extension Int64 {
    /// `date` as Unix epoch milliseconds (the stored form of every time), rounded to the nearest.
    init(milliseconds date: Date) throws {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        guard let milliseconds = Int64(exactly: value) else {
            throw SQLiteEventStoreError.timestampOutOfRange(date)
        }
        self = milliseconds
    }
}

extension Date {
    init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

/// The schema violations of the new events of one transaction, summed per (model, field, kind)
/// and added to `schema_violation_counts` before the commit.
private struct ViolationTally {
    private struct Key: Hashable {
        var model: String
        var field: String
        var kind: String
    }

    private var counts: [Key: (count: Int, lastSeen: Int64)] = [:]

    mutating func add(_ row: InferenceRow) {
        for violation in row.violationList {
            let key = Key(model: row.modelID, field: violation.field, kind: violation.kind.rawValue)
            let previous = counts[key] ?? (0, row.timestamp)
            counts[key] = (previous.count + 1, max(previous.lastSeen, row.timestamp))
        }
    }

    func write(_ db: Database) throws {
        if counts.isEmpty { return }
        let statement = try db.cachedStatement(sql: SQL.addViolations)
        for (key, value) in counts {
            try statement.execute(arguments: [key.model, key.field, key.kind, value.count, value.lastSeen])
        }
    }
}

/// A label encoded for its upsert.
private struct LabelRow: Sendable {
    var modelID: String
    var requestID: String
    var timestamp: Int64
    var truthNumber: Double?
    var truthText: String?
    var receivedAt: Int64

    init(label: LabelEvent, receivedAt: Int64) throws {
        modelID = label.modelID
        requestID = label.requestID
        timestamp = try Int64(milliseconds: label.timestamp)
        truthNumber = label.truthNumber
        truthText = label.truthText
        self.receivedAt = receivedAt
    }

    var arguments: StatementArguments {
        [modelID, requestID, timestamp, truthNumber, truthText, receivedAt]
    }
}

extension StoredEvent {
    /// Reads a row of `SQL.selectEvent`.
    init(row: Row) throws {
        let modelID: String = row["model_id"]
        let requestID: String = row["request_id"]
        func map<T>(_ column: String, _ decode: (String) throws -> T) throws -> T {
            do {
                return try decode(row[column])
            } catch {
                throw SQLiteEventStoreError.unreadableRow(column: column, modelID: modelID, requestID: requestID)
            }
        }
        let inference = InferenceEvent(
            modelID: modelID,
            modelVersion: row["model_version"],
            requestID: requestID,
            timestamp: Date(milliseconds: row["ts"]),
            predictionNumber: row["y_pred_num"],
            predictionText: row["y_pred_text"],
            probabilities: try map("y_proba", JSONColumns.decodeNumbers),
            latencyMilliseconds: row["latency_ms"],
            features: try map("features", JSONColumns.decodeFeatures),
            segments: try map("segments", JSONColumns.decodeStrings),
            error: row["error"],
            schemaViolations: try map("schema_violations", JSONColumns.decodeViolations))
        var label: LabelEvent?
        if row["has_label"] as Bool {
            label = LabelEvent(
                modelID: modelID, requestID: requestID, timestamp: Date(milliseconds: row["label_ts"]),
                truthNumber: row["y_true_num"], truthText: row["y_true_text"])
        }
        self.init(inference: inference, label: label)
    }
}
