import DriftWatchCore
import Foundation
import GRDB

extension SQLiteEventStore {
    /// Stores monitor results in one transaction, replacing results of the same window end.
    public func save(_ results: [MonitorResult]) async throws {
        if results.isEmpty { return }
        let rows = try results.map { result -> StatementArguments in
            [
                result.modelID, result.modelVersion, result.segment, result.metric, result.feature,
                try Int64(milliseconds: result.windowStart),
                try Int64(milliseconds: result.windowEnd), result.value.flatMap { $0.isFinite ? $0 : nil },
                result.details,
            ]
        }
        try await pool.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO monitor_results (
                        model_id, model_version, segment, metric, feature, window_start, window_end, value, details)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (model_id, metric, model_version, segment, feature, window_end) DO UPDATE SET
                        window_start = excluded.window_start, value = excluded.value, details = excluded.details
                    """)
            for row in rows { try statement.execute(arguments: row) }
        }
    }

    /// Stored results of one metric, oldest first.
    public func results(
        modelID: String, version: String, segment: String, metric: String, feature: String?, from: Date, to: Date
    ) async throws -> [MonitorResult] {
        let lower = try Int64(milliseconds: from)
        let upper = try Int64(milliseconds: to)
        return try await pool.read { db in
            var sql = """
                SELECT feature, window_start, window_end, value, details FROM monitor_results
                WHERE model_id = ? AND metric = ? AND model_version = ? AND segment = ?
                    AND window_end >= ? AND window_end < ?
                """
            var arguments: StatementArguments = [modelID, metric, version, segment, lower, upper]
            if let feature {
                sql += " AND feature = ?"
                arguments += [feature]
            }
            sql += " ORDER BY window_end, feature"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                MonitorResult(
                    modelID: modelID, modelVersion: version, segment: segment, metric: metric, feature: row["feature"],
                    windowStart: Date(milliseconds: row["window_start"]),
                    windowEnd: Date(milliseconds: row["window_end"]),
                    value: row["value"], details: row["details"])
            }
        }
    }
}

extension SQLiteEventStore {
    /// Statistics of each series over `from ≤ window_end < to`: one range read of the primary
    /// key per series, all in one read transaction, values folded as they are read.
    public func resultStatistics(of series: [SeriesKey], from: Date, to: Date) async throws
        -> [ResultStatistics?]
    {
        let lower = try Int64(milliseconds: from)
        let upper = try Int64(milliseconds: to)
        return try await pool.read { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT value FROM monitor_results
                    WHERE model_id = ? AND metric = ? AND model_version = ? AND segment = ? AND feature = ?
                        AND window_end >= ? AND window_end < ? AND value IS NOT NULL
                    """)
            return try series.map { key in
                let values = try Double.fetchCursor(
                    statement,
                    arguments: [key.modelID, key.metric, key.modelVersion, key.segment, key.feature, lower, upper])
                var all: [Double] = []
                while let value = try values.next() { all.append(value) }
                return ResultStatistics(all)
            }
        }
    }
}

extension SQLiteEventStore {
    /// The features of the model's inferences with `from ≤ ts < to` (of `version` only, when
    /// given), newest first.
    public func features(modelID: String, version: String?, from: Date, to: Date, limit: Int) async throws
        -> [[String: FeatureValue]]
    {
        let lower = try Int64(milliseconds: from)
        let upper = try Int64(milliseconds: to)
        return try await pool.read { db in
            let texts = try String.fetchAll(
                db,
                sql: """
                    SELECT features FROM inference_events
                    WHERE model_id = ? AND ts >= ? AND ts < ? AND (? IS NULL OR model_version = ?)
                    ORDER BY ts DESC LIMIT ?
                    """,
                arguments: [modelID, lower, upper, version, version, limit])
            var reader = FeatureColumnReader()
            return try texts.map { try reader.decode($0) }
        }
    }

    /// The model's newest inferences in the window.
    public func recentEvents(modelID: String, from: Date, to: Date, limit: Int) async throws -> [InferenceEvent] {
        let lower = try Int64(milliseconds: from)
        let upper = try Int64(milliseconds: to)
        return try await pool.read { db in
            try Row.fetchAll(
                db, sql: SQL.selectRecent, arguments: [modelID, lower, upper, limit]
            ).map { try StoredEvent(row: $0).inference }
        }
    }

    /// The model's inferences in the window joined with their labels.
    public func labeled(modelID: String, from: Date, to: Date, limit: Int) async throws -> [LabeledWindow.Pair] {
        let lower = try Int64(milliseconds: from)
        let upper = try Int64(milliseconds: to)
        return try await pool.read { db in
            // Labels first (CROSS JOIN fixes the order): the scan grows with the model's labels,
            // while the window may hold millions of unlabelled inferences.
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT i.y_pred_num, i.y_pred_text, i.y_proba, l.y_true_num, l.y_true_text, l.ts - i.ts AS delay_ms
                    FROM label_events AS l
                    CROSS JOIN inference_events AS i ON i.model_id = l.model_id AND i.request_id = l.request_id
                    WHERE l.model_id = ? AND i.ts >= ? AND i.ts < ? ORDER BY i.ts DESC, i.id DESC LIMIT ?
                    """,
                arguments: [modelID, lower, upper, limit])
            return try rows.map { row in
                LabeledWindow.Pair(
                    predictionNumber: row["y_pred_num"], predictionText: row["y_pred_text"],
                    probabilities: try JSONColumns.decodeNumbers(row["y_proba"]), truthNumber: row["y_true_num"],
                    truthText: row["y_true_text"],
                    labelDelaySeconds: (row["delay_ms"] as Int64?).map { Double($0) / 1000 })
            }
        }
    }
}
