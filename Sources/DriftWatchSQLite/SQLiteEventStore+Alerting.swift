import DriftWatchCore
import Foundation
import GRDB

extension SQLiteEventStore: AlertStore {
    public func alertRuleDocuments() async throws -> [StoredDocument] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, version, definition, updated_at FROM alert_rules ORDER BY id").map {
                StoredDocument(
                    id: $0["id"], json: $0["definition"], version: $0["version"],
                    updatedAt: Date(milliseconds: $0["updated_at"]))
            }
        }
    }

    public func saveAlertRule(id: String, document: String?, change: String, actor: String, at date: Date)
        async throws -> Int
    {
        let time = try Int64(milliseconds: date)
        return try await pool.write { db in
            let version =
                (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM alert_rule_versions WHERE id = ?", arguments: [id])
                    ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO alert_rule_versions (id, version, change, definition, changed_at, changed_by)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, version, change, document, time, actor])
            if let document {
                try db.execute(
                    sql: """
                        INSERT INTO alert_rules (id, version, definition, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET
                            version = excluded.version, definition = excluded.definition, updated_at = excluded.updated_at
                        """,
                    arguments: [id, version, document, time])
            } else {
                try db.execute(sql: "DELETE FROM alert_rules WHERE id = ?", arguments: [id])
            }
            try Self.insertAudit(
                db,
                AuditEntry(
                    at: date, actor: actor, action: change, target: "alert_rule:\(id)", version: version,
                    details: document ?? "null"))
            return version
        }
    }

    public func alertRuleVersions(id: String) async throws -> [StoredDocument] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT version, COALESCE(definition, 'null') AS definition, changed_at FROM alert_rule_versions
                    WHERE id = ? ORDER BY version
                    """, arguments: [id]
            ).map {
                StoredDocument(
                    id: id, json: $0["definition"], version: $0["version"],
                    updatedAt: Date(milliseconds: $0["changed_at"]))
            }
        }
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                AuditEntry(
                    at: Date(milliseconds: $0["at"]), actor: $0["actor"], action: $0["action"], target: $0["target"],
                    version: $0["version"], details: $0["details"])
            }
        }
    }

    public func audit(_ entry: AuditEntry) async throws {
        try await pool.write { db in try Self.insertAudit(db, entry) }
    }

    public func saveAlerts(_ alerts: [StoredDocument], transitions: [AlertHistoryEntry]) async throws {
        let now = try Int64(milliseconds: Date())
        let history = try transitions.map { entry -> StatementArguments in
            [entry.ruleID, entry.labels, entry.from, entry.to, try Int64(milliseconds: entry.at), entry.value]
        }
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM alert_states")
            let insert = try db.cachedStatement(
                sql: "INSERT INTO alert_states (id, definition, updated_at) VALUES (?, ?, ?)")
            for alert in alerts { try insert.execute(arguments: [alert.id, alert.json, now]) }
            let append = try db.cachedStatement(
                sql: """
                    INSERT INTO alert_history (rule_id, labels, from_state, to_state, at, value)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            for row in history { try append.execute(arguments: row) }
        }
    }

    public func alertDocuments() async throws -> [StoredDocument] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, definition FROM alert_states ORDER BY id").map {
                StoredDocument(id: $0["id"], json: $0["definition"])
            }
        }
    }

    public func alertHistory(state: String?, limit: Int) async throws -> [AlertHistoryEntry] {
        try await pool.read { db in
            var sql = "SELECT * FROM alert_history"
            var arguments: StatementArguments = []
            if let state {
                sql += " WHERE to_state = ?"
                arguments += [state]
            }
            sql += " ORDER BY id DESC LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
                AlertHistoryEntry(
                    ruleID: $0["rule_id"], labels: $0["labels"], from: $0["from_state"], to: $0["to_state"],
                    at: Date(milliseconds: $0["at"]), value: $0["value"])
            }
        }
    }

    public func saveSilence(_ silence: StoredDocument) async throws {
        let now = try Int64(milliseconds: silence.updatedAt)
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO silences (id, definition, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at
                    """,
                arguments: [silence.id, silence.json, now])
        }
    }

    public func silenceDocuments() async throws -> [StoredDocument] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, definition, updated_at FROM silences ORDER BY updated_at DESC").map {
                StoredDocument(id: $0["id"], json: $0["definition"], updatedAt: Date(milliseconds: $0["updated_at"]))
            }
        }
    }

    public func saveNotificationLog(_ entries: [StoredDocument]) async throws {
        let rows = try entries.map { [$0.id, $0.json, try Int64(milliseconds: $0.updatedAt)] as StatementArguments }
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM notification_log")
            let insert = try db.cachedStatement(
                sql: "INSERT INTO notification_log (group_key, definition, updated_at) VALUES (?, ?, ?)")
            for row in rows { try insert.execute(arguments: row) }
        }
    }

    public func notificationLogDocuments() async throws -> [StoredDocument] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT group_key, definition, updated_at FROM notification_log ORDER BY group_key"
            )
            .map {
                StoredDocument(
                    id: $0["group_key"], json: $0["definition"], updatedAt: Date(milliseconds: $0["updated_at"]))
            }
        }
    }

    private static func insertAudit(_ db: Database, _ entry: AuditEntry) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor, action, target, version, details) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                try Int64(milliseconds: entry.at), entry.actor, entry.action, entry.target, entry.version,
                entry.details,
            ])
    }
}
