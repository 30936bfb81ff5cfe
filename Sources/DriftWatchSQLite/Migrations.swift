import DriftWatchCore
import Foundation
import GRDB

/// The schema of the SQLite store, as an ordered list of migrations.
///
/// GRDB records each applied migration's identifier in the `grdb_migrations` table of the database
/// file, and applies only those not yet recorded, in registration order.
///
/// RULES — read before editing:
/// - A migration that has shipped is never edited, renamed, reordered or removed: databases in the
///   field have already applied it and will not run it again. Change the schema by appending a new
///   migration (`v2_…`, `v3_…`) at the end.
/// - Identifiers are `v<N>_<what_it_does>`, N increasing by one.
/// - A migration runs in its own transaction; keep each one self-contained.
///
/// Storage conventions (all tables):
/// - Times (`ts`, `received_at`, `created_at`) are INTEGER Unix epoch **milliseconds**, UTC.
///   Integers compare and index exactly, are what other adapters (PostgreSQL) and tools expect, and
///   millisecond precision is what services report; sub-millisecond parts are rounded away.
/// - Maps (features, segments, probabilities, model schema) are compact JSON object text
///   (`{"k":1.5,"c":"red","m":null}`): a missing feature value is JSON `null`.
/// - Tables are STRICT (SQLite ≥ 3.37): a column holds only its declared type.
enum Migrations {
    /// Every migration, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        // Shipped. Never edit (see above).
        migrator.registerMigration("v1_models_events_labels") { db in
            try db.execute(
                sql: """
                    CREATE TABLE models (
                        id TEXT NOT NULL PRIMARY KEY,
                        task TEXT NOT NULL,
                        -- JSON: feature names with their types, and segment keys.
                        schema TEXT NOT NULL,
                        created_at INTEGER NOT NULL
                    ) STRICT;

                    CREATE TABLE inference_events (
                        -- Insertion order; a stable cursor for incremental reads.
                        id INTEGER PRIMARY KEY,
                        model_id TEXT NOT NULL,
                        model_version TEXT,
                        request_id TEXT NOT NULL,
                        ts INTEGER NOT NULL,
                        y_pred_num REAL,
                        y_pred_text TEXT,
                        y_proba TEXT NOT NULL DEFAULT '{}',
                        latency_ms REAL,
                        features TEXT NOT NULL DEFAULT '{}',
                        segments TEXT NOT NULL DEFAULT '{}',
                        error TEXT,
                        received_at INTEGER NOT NULL,
                        UNIQUE (model_id, request_id)
                    ) STRICT;
                    CREATE INDEX inference_events_model_ts ON inference_events (model_id, ts);

                    CREATE TABLE label_events (
                        model_id TEXT NOT NULL,
                        request_id TEXT NOT NULL,
                        ts INTEGER NOT NULL,
                        y_true_num REAL,
                        y_true_text TEXT,
                        received_at INTEGER NOT NULL,
                        PRIMARY KEY (model_id, request_id)
                    ) STRICT, WITHOUT ROWID;
                    CREATE INDEX label_events_model_ts ON label_events (model_id, ts);
                    """)
        }

        // Shipped. Never edit (see above).
        migrator.registerMigration("v2_model_origin_schema_violations") { db in
            try db.execute(
                sql: """
                    ALTER TABLE models ADD COLUMN origin TEXT NOT NULL DEFAULT 'declared';
                    ALTER TABLE models ADD COLUMN description TEXT;
                    ALTER TABLE models ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;

                    -- JSON array of {"field": …, "kind": …}; NULL when the event fits its schema.
                    ALTER TABLE inference_events ADD COLUMN schema_violations TEXT;

                    CREATE TABLE schema_violation_counts (
                        model_id TEXT NOT NULL,
                        field TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        count INTEGER NOT NULL,
                        last_seen INTEGER NOT NULL,
                        PRIMARY KEY (model_id, field, kind)
                    ) STRICT, WITHOUT ROWID;
                    """)
        }

        // Shipped. Never edit (see above).
        migrator.registerMigration("v3_reference_datasets") { db in
            try db.execute(
                sql: """
                    CREATE TABLE reference_datasets (
                        model_id TEXT NOT NULL PRIMARY KEY,
                        source TEXT NOT NULL,
                        row_count INTEGER NOT NULL,
                        created_at INTEGER NOT NULL
                    ) STRICT;

                    -- One row per feature. Numbers: little-endian float64s; categories: JSON
                    -- object of label → count.
                    CREATE TABLE reference_columns (
                        model_id TEXT NOT NULL REFERENCES reference_datasets (model_id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        name TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        missing INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        PRIMARY KEY (model_id, position)
                    ) STRICT, WITHOUT ROWID;
                    """)
        }

        // Shipped. Never edit (see above).
        migrator.registerMigration("v4_monitor_results") { db in
            try db.execute(
                sql: """
                    CREATE TABLE monitor_results (
                        model_id TEXT NOT NULL,
                        metric TEXT NOT NULL,
                        -- Empty for model-level metrics.
                        feature TEXT NOT NULL,
                        window_start INTEGER NOT NULL,
                        window_end INTEGER NOT NULL,
                        value REAL,
                        -- JSON object: method, p-value, verdict, reason.
                        details TEXT NOT NULL,
                        PRIMARY KEY (model_id, metric, feature, window_end)
                    ) STRICT, WITHOUT ROWID;
                    """)
        }

        migrator.registerMigration("v5_profiles_daily_metrics_scoped_results") { db in
            try db.execute(
                sql: """
                    -- One row per (model, version, segment, resolution, bucket): a TrafficProfile's
                    -- serialized sketch bundle. Derived from inference_events; `driftwatch rebuild`
                    -- recomputes it. segment is '' for all of the model's traffic, else key:value.
                    CREATE TABLE profiles (
                        model_id TEXT NOT NULL,
                        model_version TEXT NOT NULL,
                        segment TEXT NOT NULL,
                        resolution TEXT NOT NULL,
                        bucket_start INTEGER NOT NULL,
                        inferences INTEGER NOT NULL,
                        errors INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        PRIMARY KEY (model_id, resolution, segment, bucket_start, model_version)
                    ) STRICT, WITHOUT ROWID;
                    CREATE INDEX profiles_expiry ON profiles (resolution, bucket_start);

                    -- The id of the last inference_events row included in the profiles.
                    CREATE TABLE profile_position (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        position INTEGER NOT NULL
                    ) STRICT;
                    INSERT INTO profile_position (id, position) VALUES (1, 0);

                    -- One row per model and UTC day, for SQL tools (Metabase, Grafana).
                    CREATE TABLE daily_metrics (
                        model_id TEXT NOT NULL,
                        day TEXT NOT NULL,
                        day_start INTEGER NOT NULL,
                        inferences INTEGER NOT NULL,
                        errors INTEGER NOT NULL,
                        error_rate REAL,
                        latency_p50_ms REAL,
                        latency_p95_ms REAL,
                        latency_p99_ms REAL,
                        label_coverage REAL,
                        headline_metric TEXT,
                        headline_value REAL,
                        updated_at INTEGER NOT NULL,
                        PRIMARY KEY (model_id, day)
                    ) STRICT;

                    -- Monitor results gain a version and a segment ('' for all).
                    CREATE TABLE monitor_results_scoped (
                        model_id TEXT NOT NULL,
                        model_version TEXT NOT NULL,
                        segment TEXT NOT NULL,
                        metric TEXT NOT NULL,
                        feature TEXT NOT NULL,
                        window_start INTEGER NOT NULL,
                        window_end INTEGER NOT NULL,
                        value REAL,
                        details TEXT NOT NULL,
                        PRIMARY KEY (model_id, metric, model_version, segment, feature, window_end)
                    ) STRICT, WITHOUT ROWID;
                    INSERT INTO monitor_results_scoped
                        SELECT model_id, '', '', metric, feature, window_start, window_end, value, details
                        FROM monitor_results;
                    DROP TABLE monitor_results;
                    ALTER TABLE monitor_results_scoped RENAME TO monitor_results;
                    """)
        }

        migrator.registerMigration("v6_alerting") { db in
            try db.execute(
                sql: """
                    -- Rules managed through the API: the current version of each.
                    CREATE TABLE alert_rules (
                        id TEXT NOT NULL PRIMARY KEY,
                        version INTEGER NOT NULL,
                        definition TEXT NOT NULL,
                        updated_at INTEGER NOT NULL
                    ) STRICT;

                    -- Every version of every rule; definition is NULL for a deletion.
                    CREATE TABLE alert_rule_versions (
                        id TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        change TEXT NOT NULL,
                        definition TEXT,
                        changed_at INTEGER NOT NULL,
                        changed_by TEXT NOT NULL,
                        PRIMARY KEY (id, version)
                    ) STRICT, WITHOUT ROWID;

                    CREATE TABLE audit_log (
                        id INTEGER PRIMARY KEY,
                        at INTEGER NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        target TEXT NOT NULL,
                        version INTEGER,
                        details TEXT NOT NULL
                    ) STRICT;

                    -- Current alerts (pending, firing, recently resolved), as JSON.
                    CREATE TABLE alert_states (
                        id TEXT NOT NULL PRIMARY KEY,
                        definition TEXT NOT NULL,
                        updated_at INTEGER NOT NULL
                    ) STRICT;

                    CREATE TABLE alert_history (
                        id INTEGER PRIMARY KEY,
                        rule_id TEXT NOT NULL,
                        labels TEXT NOT NULL,
                        from_state TEXT NOT NULL,
                        to_state TEXT NOT NULL,
                        at INTEGER NOT NULL,
                        value REAL
                    ) STRICT;
                    CREATE INDEX alert_history_to_state ON alert_history (to_state, at);

                    CREATE TABLE silences (
                        id TEXT NOT NULL PRIMARY KEY,
                        definition TEXT NOT NULL,
                        updated_at INTEGER NOT NULL
                    ) STRICT;
                    """)
        }

        migrator.registerMigration("v7_notification_log") { db in
            try db.execute(
                sql: """
                    -- What each alert group was last notified of, so that a restart does not
                    -- notify the same alerts again.
                    CREATE TABLE notification_log (
                        group_key TEXT NOT NULL PRIMARY KEY,
                        definition TEXT NOT NULL,
                        updated_at INTEGER NOT NULL
                    ) STRICT;
                    """)
        }

        migrator.registerMigration("v8_profile_summaries") { db in
            try db.execute(
                sql: """
                    -- Each profile without its features' sketches (TrafficProfile.serializedSummary):
                    -- volume, latency and segment reads merge these small rows instead of the full ones.
                    CREATE TABLE profile_summaries (
                        model_id TEXT NOT NULL,
                        model_version TEXT NOT NULL,
                        segment TEXT NOT NULL,
                        resolution TEXT NOT NULL,
                        bucket_start INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        PRIMARY KEY (model_id, resolution, segment, bucket_start, model_version)
                    ) STRICT, WITHOUT ROWID;
                    """)
            // Profiles stored before this migration get their summaries now.
            let rows = try Row.fetchCursor(
                db, sql: "SELECT model_id, model_version, segment, resolution, bucket_start, data FROM profiles")
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO profile_summaries (model_id, model_version, segment, resolution, bucket_start, data)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            while let row = try rows.next() {
                let data: Data = row["data"]
                let summary = try TrafficProfile(serialized: [UInt8](data)).serializedSummary()
                try insert.execute(arguments: [
                    row["model_id"], row["model_version"], row["segment"], row["resolution"], row["bucket_start"],
                    Data(summary),
                ])
            }
        }

        migrator.registerMigration("v9_version_references") { db in
            // References keyed by (model, version): '' is the model-wide reference, any other
            // value the reference of that model version. Rebuilt as SQLite alters keys: new
            // tables, rows copied, old tables dropped, new ones renamed.
            try db.execute(
                sql: """
                    CREATE TABLE reference_datasets_v9 (
                        model_id TEXT NOT NULL,
                        model_version TEXT NOT NULL DEFAULT '',
                        source TEXT NOT NULL,
                        row_count INTEGER NOT NULL,
                        created_at INTEGER NOT NULL,
                        PRIMARY KEY (model_id, model_version)
                    ) STRICT;
                    INSERT INTO reference_datasets_v9 (model_id, model_version, source, row_count, created_at)
                        SELECT model_id, '', source, row_count, created_at FROM reference_datasets;

                    CREATE TABLE reference_columns_v9 (
                        model_id TEXT NOT NULL,
                        model_version TEXT NOT NULL DEFAULT '',
                        position INTEGER NOT NULL,
                        name TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        missing INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        PRIMARY KEY (model_id, model_version, position),
                        FOREIGN KEY (model_id, model_version)
                            REFERENCES reference_datasets (model_id, model_version) ON DELETE CASCADE
                    ) STRICT, WITHOUT ROWID;
                    INSERT INTO reference_columns_v9 (model_id, model_version, position, name, kind, missing, data)
                        SELECT model_id, '', position, name, kind, missing, data FROM reference_columns;

                    DROP TABLE reference_columns;
                    DROP TABLE reference_datasets;
                    ALTER TABLE reference_datasets_v9 RENAME TO reference_datasets;
                    ALTER TABLE reference_columns_v9 RENAME TO reference_columns;
                    """)
        }

        migrator.registerMigration("v10_ten_minute_profiles") { db in
            // Ten-minute profiles, built by the profiler from now on, for the minutes stored
            // before (see backfillTenMinuteProfiles).
            try backfillTenMinuteProfiles(db)
        }

        migrator.registerMigration("v11_label_profiles") { db in
            // Labels count in their prediction's profile buckets. `seq` orders label changes (a
            // stored or corrected label takes the next number), `counted_*` is the label value
            // the profiles hold (a correction takes it out), and profile_position.labels is the
            // last sequence profiled. Existing labels are numbered in arrival order; with the
            // label position at 0 the next profiler pass counts every one of them.
            try db.execute(
                sql: """
                    ALTER TABLE label_events ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE label_events ADD COLUMN counted INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE label_events ADD COLUMN counted_ts INTEGER;
                    ALTER TABLE label_events ADD COLUMN counted_num REAL;
                    ALTER TABLE label_events ADD COLUMN counted_text TEXT;
                    UPDATE label_events SET seq = numbered.n
                        FROM (SELECT model_id, request_id,
                                ROW_NUMBER() OVER (ORDER BY received_at, model_id, request_id) AS n
                              FROM label_events) AS numbered
                        WHERE label_events.model_id = numbered.model_id
                            AND label_events.request_id = numbered.request_id;
                    CREATE INDEX label_events_seq ON label_events (seq);
                    ALTER TABLE profile_position ADD COLUMN labels INTEGER NOT NULL DEFAULT 0;

                    -- The labelled predictions of each profile bucket (a PerformanceSketch), apart
                    -- from the bucket's sketches so that a late label rewrites only this row.
                    CREATE TABLE label_profiles (
                        model_id TEXT NOT NULL,
                        model_version TEXT NOT NULL,
                        segment TEXT NOT NULL,
                        resolution TEXT NOT NULL,
                        bucket_start INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        PRIMARY KEY (model_id, resolution, segment, bucket_start, model_version)
                    ) STRICT, WITHOUT ROWID;
                    CREATE INDEX label_profiles_expiry ON label_profiles (resolution, bucket_start);
                    """)
        }

        // Append new migrations here.

        return migrator
    }
}
