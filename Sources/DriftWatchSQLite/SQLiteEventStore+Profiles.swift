import DriftWatchCore
import Foundation
import GRDB

extension SQLiteEventStore {
    /// The id of the last event and the sequence of the last label change in the profiles.
    public func profilePosition() async throws -> ProfilePosition {
        try await pool.read { db in try Self.position(db) }
    }

    public func storedPosition() async throws -> ProfilePosition {
        try await pool.read { db in
            // Both are index lookups: `id` is the rowid, `seq` has its own index.
            ProfilePosition(
                events: try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM inference_events") ?? 0,
                labels: try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM label_events") ?? 0)
        }
    }

    static func position(_ db: Database) throws -> ProfilePosition {
        let row = try Row.fetchOne(db, sql: "SELECT position, labels FROM profile_position WHERE id = 1")
        return ProfilePosition(events: row?["position"] ?? 0, labels: row?["labels"] ?? 0)
    }

    /// Events with ids after `position`, in id order, with their labels: from memory when this
    /// process committed them lately (``RecentEvents``), else from the file. A pass alternates:
    /// the run held in memory where it covers the next position, the file up to the start of
    /// that run where it does not (a profiler that trails by more than the cache), so that no
    /// event is read from the file that memory holds.
    public func eventsToProfile(after position: Int64, limit: Int) async throws -> [ProfiledEvent] {
        try await pool.read { db in
            var events: [ProfiledEvent] = []
            var last = position
            while events.count < limit {
                let room = limit - events.count
                if let recent = recentEvents.take(after: last, limit: room, counted: position) {
                    events += try Self.joiningLabels(recent, db)
                } else {
                    // Ids only grow, so at most this many rows lie before a run held further on.
                    let beforeRun = recentEvents.firstPosition.flatMap { $0 > last + 1 ? Int($0 - last - 1) : nil }
                    events += try Self.storedEventsToProfile(db, after: last, limit: min(room, beforeRun ?? room))
                }
                guard let end = events.last?.position, end > last else { break }
                last = end
            }
            return events
        }
    }

    /// Inferences after `position` read from the file, with their labels.
    private static func storedEventsToProfile(_ db: Database, after position: Int64, limit: Int) throws
        -> [ProfiledEvent]
    {
        let statement = try db.cachedStatement(
            sql: """
                SELECT i.id, i.model_id, i.model_version, i.request_id, i.ts, i.y_pred_num, i.y_pred_text,
                    i.y_proba, i.latency_ms, i.features, i.segments, i.error, i.schema_violations,
                    l.ts AS label_ts, l.y_true_num, l.y_true_text, l.model_id IS NOT NULL AS has_label
                FROM inference_events AS i
                LEFT JOIN label_events AS l ON l.model_id = i.model_id AND l.request_id = i.request_id
                WHERE i.id > ? ORDER BY i.id LIMIT ?
                """)
        let rows = try Row.fetchCursor(statement, arguments: [position, limit])
        var events: [ProfiledEvent] = []
        events.reserveCapacity(limit)
        var features = FeatureColumnReader()
        // Columns by their index in the SELECT above: looking each up by name hashed the name
        // for every column of every row the profiler reads back.
        while let row = try rows.next() {
            let violations: String? = row[12]
            var event = ProfiledEvent(
                position: row[0], modelID: row[1], modelVersion: row[2] ?? "",
                timestamp: Date(milliseconds: row[4]), predictionNumber: row[5],
                predictionText: row[6], latencyMilliseconds: row[8],
                features: try features.decode(row[9]),
                segments: try JSONColumns.decodeStrings(row[10]), error: row[11],
                violatedFields: try violations.map { try JSONColumns.decodeViolations($0).map(\.field) } ?? [])
            if row[16] as Bool {
                event.label = try Self.label(row, counted: false)
            }
            events.append(event)
        }
        return events
    }

    /// Labels changed after sequence `position`, joined with their predictions at or before
    /// event `events`.
    public func labelsToProfile(after position: Int64, events: Int64, limit: Int) async throws -> LabelChanges {
        try await pool.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT l.seq, l.request_id, l.ts AS label_ts, l.y_true_num, l.y_true_text, l.counted,
                        l.counted_ts, l.counted_num, l.counted_text, i.model_id, i.model_version, i.ts,
                        i.y_pred_num, i.y_pred_text, i.y_proba, i.segments
                    FROM label_events AS l
                    LEFT JOIN inference_events AS i
                        ON i.model_id = l.model_id AND i.request_id = l.request_id AND i.id <= ?
                    WHERE l.seq > ? ORDER BY l.seq LIMIT ?
                    """,
                arguments: [events, position, limit])
            var through = position
            var read = 0
            var changes: [LabelChange] = []
            while let row = try rows.next() {
                through = row["seq"]
                read += 1
                guard let modelID = row["model_id"] as String? else { continue }
                let event = ProfiledEvent(
                    position: 0, modelID: modelID, modelVersion: row["model_version"] ?? "",
                    timestamp: Date(milliseconds: row["ts"]), segments: try JSONColumns.decodeStrings(row["segments"]))
                let label = try Self.label(row, counted: false)
                var counted: LabeledWindow.Pair?
                if row["counted"] as Bool {
                    counted = try Self.label(row, counted: true).pair
                }
                changes.append(LabelChange(event: event, label: label, counted: counted))
            }
            return LabelChanges(through: through, read: read, changes: changes)
        }
    }

    /// The events of `entries` with the labels stored for them, looked up by request id in one
    /// statement per model (the join that reading them from the file would have done).
    private static func joiningLabels(_ entries: [RecentEvents.Entry], _ db: Database) throws -> [ProfiledEvent] {
        var events = entries.map(\.event)
        var byModel: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() { byModel[entry.content.event.modelID, default: []].append(index) }
        let statement = try db.cachedStatement(
            sql: """
                SELECT request_id, ts AS label_ts, y_true_num, y_true_text FROM label_events
                WHERE model_id = ? AND request_id IN (SELECT value FROM json_each(?))
                """)
        for (model, indices) in byModel {
            var byRequest: [String: Int] = [:]
            for index in indices { byRequest[entries[index].content.requestID] = index }
            let requestIDs = JSONColumns.encodeArray(indices.map { entries[$0].content.requestID })
            let rows = try Row.fetchCursor(statement, arguments: [model, requestIDs])
            while let row = try rows.next() {
                guard let index = byRequest[row["request_id"]] else { continue }
                let entry = entries[index].content
                events[index].label = label(
                    requestID: entry.requestID, labelTime: row["label_ts"] ?? 0, predictionTime: entry.timestamp,
                    predictionNumber: entry.event.predictionNumber, predictionText: entry.event.predictionText,
                    probabilities: entry.probabilities, truthNumber: row["y_true_num"], truthText: row["y_true_text"])
            }
        }
        return events
    }

    /// A row's prediction (`ts`, `y_pred_*`, `y_proba`) with its label as stored
    /// (`label_ts`, `y_true_*`) or, with `counted`, as the profiles count it (`counted_*`).
    private static func label(_ row: Row, counted: Bool) throws -> ProfiledLabel {
        let number: Double? = counted ? row["counted_num"] : row["y_true_num"]
        let text: String? = counted ? row["counted_text"] : row["y_true_text"]
        let storedTime: Int64? = counted ? row["counted_ts"] : row["label_ts"]
        let probabilities: String? = row["y_proba"]
        return label(
            requestID: row["request_id"], labelTime: storedTime ?? 0, predictionTime: row["ts"],
            predictionNumber: row["y_pred_num"], predictionText: row["y_pred_text"],
            probabilities: try probabilities.map(JSONColumns.decodeNumbers) ?? [:], truthNumber: number,
            truthText: text)
    }

    /// A label joined with its prediction; times in Unix milliseconds, as stored.
    private static func label(
        requestID: String, labelTime: Int64, predictionTime: Int64, predictionNumber: Double?,
        predictionText: String?, probabilities: [String: Double], truthNumber: Double?, truthText: String?
    ) -> ProfiledLabel {
        ProfiledLabel(
            requestID: requestID, timestamp: Date(milliseconds: labelTime),
            pair: LabeledWindow.Pair(
                predictionNumber: predictionNumber, predictionText: predictionText, probabilities: probabilities,
                truthNumber: truthNumber, truthText: truthText,
                labelDelaySeconds: Double(labelTime - predictionTime) / 1000))
    }

    /// Merges increments into the stored profiles, refreshes the touched days' metrics and
    /// records the position, in one transaction.
    ///
    /// Decoding, merging and encoding the profiles takes far longer than the SQL, and the
    /// writer connection is the one every ingest commit waits for; so the merges are computed
    /// first from a read snapshot, and the transaction only checks that each stored profile is
    /// still the one merged (the same bytes) before writing the result. A profile that changed
    /// since the snapshot is merged again inside the transaction, as before.
    public func mergeProfiles(
        _ increments: [ProfileKey: TrafficProfile], after start: ProfilePosition, through position: ProfilePosition,
        counted: [CountedLabel]
    ) async throws -> Bool {
        let entries = increments.sorted { $0.key < $1.key }
        guard let prepared = try await prepareMerges(entries, after: start) else { return false }
        return try await writeMerges(entries, prepared, after: start, through: position, counted: counted)
    }

    /// The transaction of ``mergeProfiles(_:after:through:counted:)``: writes the prepared
    /// merges, merging again those whose stored row is no longer the one they were made from.
    func writeMerges(
        _ entries: [(key: ProfileKey, value: TrafficProfile)], _ prepared: [PreparedMerge],
        after start: ProfilePosition, through position: ProfilePosition, counted: [CountedLabel]
    ) async throws -> Bool {
        let now = try Int64(milliseconds: Date())
        return try await pool.write { db in
            guard try Self.position(db) == start else { return false }
            let select = try db.cachedStatement(sql: ProfileSQL.select)
            let upsert = try db.cachedStatement(sql: ProfileSQL.upsert)
            let upsertSummary = try db.cachedStatement(sql: ProfileSQL.upsertSummary)
            let selectLabels = try db.cachedStatement(sql: ProfileSQL.selectLabels)
            let upsertLabels = try db.cachedStatement(sql: ProfileSQL.upsertLabels)
            var days: Set<DayKey> = []
            for ((key, increment), merge) in zip(entries, prepared) {
                let arguments = try ProfileSQL.keyArguments(key)
                if var result = merge.traffic {
                    let stored = try Data.fetchOne(select, arguments: arguments)
                    if stored != merge.trafficBase { result = try MergedProfile(stored: stored, increment: increment) }
                    try upsert.execute(arguments: arguments + [result.count, result.errors, result.data])
                    try upsertSummary.execute(arguments: arguments + [result.summary])
                    if key.resolution == .day && key.segment == ProfileBuilder.allTraffic {
                        days.insert(DayKey(modelID: key.modelID, start: try Int64(milliseconds: key.bucketStart)))
                    }
                }
                if var labels = merge.labels {
                    let stored = try Data.fetchOne(selectLabels, arguments: arguments)
                    if stored != merge.labelsBase { labels = try Self.mergeLabels(stored, increment) }
                    try upsertLabels.execute(arguments: arguments + [labels])
                }
            }
            for day in days { try Self.refreshDailyMetrics(db, day, updatedAt: now) }
            let record = try db.cachedStatement(sql: ProfileSQL.recordCounted)
            for entry in counted {
                let label = entry.label
                try record.execute(arguments: [
                    try Int64(milliseconds: label.timestamp), label.pair.truthNumber, label.pair.truthText,
                    entry.modelID, label.requestID,
                ])
            }
            try db.execute(
                sql: "UPDATE profile_position SET position = ?, labels = ? WHERE id = 1",
                arguments: [position.events, position.labels])
            return true
        }
    }

    /// The merge of each increment with its rows as a read snapshot holds them, in the order of
    /// `entries`; nil when the profiled position is no longer `start`. An increment with
    /// inferences merges into the bucket's profile, one with labelled predictions into its
    /// label row; a label change alone leaves the profile untouched.
    func prepareMerges(_ entries: [(key: ProfileKey, value: TrafficProfile)], after start: ProfilePosition)
        async throws -> [PreparedMerge]?
    {
        var prepared: [PreparedMerge] = []
        prepared.reserveCapacity(entries.count)
        // In slices, so that no read transaction stays open long; a change between slices is
        // caught by the comparison in the write transaction.
        for first in stride(from: 0, to: entries.count, by: 256) {
            let slice = entries[first..<min(first + 256, entries.count)]
            let stored: [(traffic: Data?, labels: Data?)]? = try await pool.read { db in
                guard try Self.position(db) == start else { return nil }
                let select = try db.cachedStatement(sql: ProfileSQL.select)
                let selectLabels = try db.cachedStatement(sql: ProfileSQL.selectLabels)
                return try slice.map { key, increment in
                    let arguments = try ProfileSQL.keyArguments(key)
                    return (
                        increment.count > 0 ? try Data.fetchOne(select, arguments: arguments) : nil,
                        increment.labeled.isEmpty ? nil : try Data.fetchOne(selectLabels, arguments: arguments)
                    )
                }
            }
            guard let stored else { return nil }
            for (entry, data) in zip(slice, stored) {
                let increment = entry.value
                prepared.append(
                    PreparedMerge(
                        trafficBase: data.traffic,
                        traffic: increment.count > 0
                            ? try MergedProfile(stored: data.traffic, increment: increment) : nil,
                        labelsBase: data.labels,
                        labels: increment.labeled.isEmpty ? nil : try Self.mergeLabels(data.labels, increment)))
            }
        }
        return prepared
    }

    /// A label row: the labelled predictions of `increment` merged into the `stored` row.
    static func mergeLabels(_ stored: Data?, _ increment: TrafficProfile) throws -> Data {
        Data(try TrafficProfile.mergedLabels(stored: stored.map { [UInt8]($0) }, increment: increment))
    }

    /// Stored profiles in a time range.
    public func profiles(
        modelID: String, version: String?, segment: String?, resolution: ProfileResolution, from: Date, to: Date,
        detail: ProfileDetail
    ) async throws -> [ProfileBucket] {
        let lower = try Int64(milliseconds: from)
        let upper = try Int64(milliseconds: to)
        let rows: [(key: ProfileKey, data: [UInt8])] = try await pool.read { db in
            // Summaries live in their own small rows, so that these reads never load the sketches.
            let table =
                switch detail {
                case .full: "profiles"
                case .summary: "profile_summaries"
                case .labels: "label_profiles"
                }
            var sql = """
                SELECT model_version, segment, bucket_start, data FROM \(table)
                WHERE model_id = ? AND resolution = ? AND bucket_start >= ? AND bucket_start < ?
                """
            var arguments: StatementArguments = [modelID, resolution.rawValue, lower, upper]
            if let segment {
                sql += " AND segment = ?"
                arguments += [segment]
            } else {
                // `segment <> ''` would scan every bucket of every segment value (the key is
                // model, resolution, segment, bucket start). The values are listed first, one
                // key seek each (a skip scan), so that SQLite then seeks each value's buckets.
                let values = try String.fetchAll(
                    db,
                    sql: """
                        WITH RECURSIVE value(segment) AS (
                            SELECT min(segment) FROM profile_summaries
                            WHERE model_id = ?1 AND resolution = ?2 AND segment > ''
                            UNION ALL
                            SELECT (
                                SELECT min(segment) FROM profile_summaries
                                WHERE model_id = ?1 AND resolution = ?2 AND segment > value.segment)
                            FROM value WHERE value.segment IS NOT NULL)
                        SELECT segment FROM value WHERE segment IS NOT NULL
                        """,
                    arguments: [modelID, resolution.rawValue])
                guard !values.isEmpty else { return [] }
                sql += " AND segment IN (\(Array(repeating: "?", count: values.count).joined(separator: ", ")))"
                arguments += StatementArguments(values)
            }
            if let version {
                sql += " AND model_version = ?"
                arguments += [version]
            }
            sql += " ORDER BY bucket_start"
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            var rows: [(key: ProfileKey, data: [UInt8])] = []
            while let row = try cursor.next() {
                let key = ProfileKey(
                    modelID: modelID, modelVersion: row["model_version"], segment: row["segment"],
                    resolution: resolution, bucketStart: Date(milliseconds: row["bucket_start"]))
                let data: Data = row["data"]
                rows.append((key, [UInt8](data)))
            }
            return rows
        }
        // Decoded after the read, so that the connection goes back to the pool first.
        let profiles = try TrafficProfile.decode(rows.map(\.data), detail: detail)
        return zip(rows, profiles).map { ProfileBucket(key: $0.key, profile: $1) }
    }

    public func modelVersions(modelID: String) async throws -> [String] {
        try await pool.read { db in
            // Day rows of all traffic: one per version and day, the fewest rows that name every version.
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT model_version FROM profile_summaries
                    WHERE model_id = ? AND resolution = 'day' AND segment = '' AND model_version <> ''
                    ORDER BY model_version
                    """,
                arguments: [modelID])
        }
    }

    /// Deletes every profile and daily metric row and resets the position.
    public func deleteAllProfiles() async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    DELETE FROM profiles;
                    DELETE FROM profile_summaries;
                    DELETE FROM label_profiles;
                    DELETE FROM daily_metrics;
                    UPDATE profile_position SET position = 0, labels = 0 WHERE id = 1;
                    UPDATE label_events SET counted = 0, counted_ts = NULL, counted_num = NULL, counted_text = NULL
                        WHERE counted = 1;
                    """)
        }
    }

    /// Deletes a batch of old, already profiled events and the labels of the same age.
    public func deleteEvents(before date: Date, limit: Int) async throws -> Int {
        let cutoff = try Int64(milliseconds: date)
        return try await pool.write { db in
            // Oldest ids first: events mostly arrive in time order, so the expired ones are at
            // the start of the table and each batch scans little more than it deletes.
            // The event at the profile position stays: ids are the rowids, and SQLite gives a new
            // row the largest id + 1, so deleting the newest row would hand its id, at or below
            // the position, to the next event, which the profiler would then never read.
            try db.execute(
                sql: """
                    DELETE FROM inference_events WHERE id IN (
                        SELECT id FROM inference_events
                        WHERE id < (SELECT position FROM profile_position WHERE id = 1) AND ts < ?
                        ORDER BY id LIMIT ?)
                    """,
                arguments: [cutoff, limit])
            let deleted = db.changesCount
            try db.execute(
                sql: """
                    DELETE FROM label_events WHERE (model_id, request_id) IN (
                        SELECT model_id, request_id FROM label_events
                        WHERE ts < ? AND seq <= (SELECT labels FROM profile_position WHERE id = 1) LIMIT ?)
                    """,
                arguments: [cutoff, limit])
            return deleted
        }
    }

    /// Deletes a batch of old profiles of one resolution.
    public func deleteProfiles(resolution: ProfileResolution, before date: Date, limit: Int) async throws -> Int {
        let cutoff = try Int64(milliseconds: date)
        return try await pool.write { db in
            // The same rows of both tables: summaries are deleted by the keys of the profiles
            // deleted, so neither outlives the other.
            let keys = try Row.fetchAll(
                db,
                sql: """
                    SELECT model_id, resolution, segment, bucket_start, model_version FROM profiles
                    WHERE resolution = ? AND bucket_start < ? LIMIT ?
                    """,
                arguments: [resolution.rawValue, cutoff, limit])
            for table in ["profiles", "profile_summaries"] {
                let delete = try db.makeStatement(
                    sql: """
                        DELETE FROM \(table)
                        WHERE model_id = ? AND resolution = ? AND segment = ? AND bucket_start = ? AND model_version = ?
                        """)
                for key in keys { try delete.execute(arguments: StatementArguments(key.databaseValues)) }
            }
            // Label rows by their own keys: a late label can make one for a bucket whose profile
            // had expired.
            try db.execute(
                sql: """
                    DELETE FROM label_profiles
                    WHERE (model_id, resolution, segment, bucket_start, model_version) IN (
                        SELECT model_id, resolution, segment, bucket_start, model_version FROM label_profiles
                        WHERE resolution = ? AND bucket_start < ? LIMIT ?)
                    """,
                arguments: [resolution.rawValue, cutoff, limit])
            return keys.count + db.changesCount
        }
    }

    /// A model's daily metrics.
    public func dailyMetrics(modelID: String, from: Date, to: Date) async throws -> [DailyMetrics] {
        let lower = try Int64(milliseconds: from)
        let upper = try Int64(milliseconds: to)
        return try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM daily_metrics WHERE model_id = ? AND day_start >= ? AND day_start < ?
                    ORDER BY day_start
                    """,
                arguments: [modelID, lower, upper]
            ).map { row in
                DailyMetrics(
                    modelID: modelID, day: Date(milliseconds: row["day_start"]), inferences: row["inferences"],
                    errors: row["errors"], latencyP50: row["latency_p50_ms"], latencyP95: row["latency_p95_ms"],
                    latencyP99: row["latency_p99_ms"], labelCoverage: row["label_coverage"],
                    headlineMetric: row["headline_metric"], headlineValue: row["headline_value"])
            }
        }
    }

    /// Records a day's label coverage and headline performance (the row is created if needed).
    public func saveDailyPerformance(
        modelID: String, day: Date, labelCoverage: Double?, metric: String?, value: Double?
    ) async throws {
        let start = try Int64(milliseconds: ProfileResolution.day.bucketStart(of: day))
        let now = try Int64(milliseconds: Date())
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO daily_metrics (
                        model_id, day, day_start, inferences, errors, label_coverage, headline_metric, headline_value,
                        updated_at)
                    VALUES (?, ?, ?, 0, 0, ?, ?, ?, ?)
                    ON CONFLICT (model_id, day) DO UPDATE SET
                        label_coverage = excluded.label_coverage, headline_metric = excluded.headline_metric,
                        headline_value = excluded.headline_value, updated_at = excluded.updated_at
                    """,
                arguments: [
                    modelID, DayKey.label(start), start, labelCoverage.flatMap(\.finite), metric,
                    value.flatMap(\.finite), now,
                ])
        }
    }

    /// Recomputes a day's volume, errors and latency from its day profiles (all versions).
    private static func refreshDailyMetrics(_ db: Database, _ day: DayKey, updatedAt: Int64) throws {
        var merged = TrafficProfile()
        let blobs = try Data.fetchAll(
            db,
            sql:
                "SELECT data FROM profile_summaries WHERE model_id = ? AND resolution = 'day' AND segment = '' AND bucket_start = ?",
            arguments: [day.modelID, day.start])
        // Counts and latency only: the features' sketches are not decoded.
        for blob in blobs { merged.merge(try TrafficProfile(serialized: [UInt8](blob), detail: .summary)) }
        try db.execute(
            sql: """
                INSERT INTO daily_metrics (
                    model_id, day, day_start, inferences, errors, error_rate, latency_p50_ms, latency_p95_ms,
                    latency_p99_ms, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (model_id, day) DO UPDATE SET
                    inferences = excluded.inferences, errors = excluded.errors, error_rate = excluded.error_rate,
                    latency_p50_ms = excluded.latency_p50_ms, latency_p95_ms = excluded.latency_p95_ms,
                    latency_p99_ms = excluded.latency_p99_ms, updated_at = excluded.updated_at
                """,
            arguments: [
                day.modelID, DayKey.label(day.start), day.start, merged.count, merged.errors, merged.errorRate,
                merged.latencyQuantile(0.5), merged.latencyQuantile(0.95), merged.latencyQuantile(0.99), updatedAt,
            ])
    }
}

/// A model's UTC day, by its start in epoch milliseconds.
private struct DayKey: Hashable {
    var modelID: String
    var start: Int64

    /// `YYYY-MM-DD`.
    static func label(_ start: Int64) -> String {
        let days = Int(start / 86_400_000)
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm), to avoid a
        // calendar and locale on a hot path.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}

/// An increment's rows merged from a read snapshot: the profile (when the increment has
/// inferences) and the label row (when it has labelled predictions), each with the stored
/// bytes it was merged from.
struct PreparedMerge: Sendable {
    var trafficBase: Data?
    var traffic: MergedProfile?
    var labelsBase: Data?
    var labels: Data?
}

/// A profile merged with an increment, encoded for its row.
struct MergedProfile: Sendable {
    var count: Int
    var errors: Int
    var data: Data
    var summary: Data

    /// `increment` merged into the `stored` encoding (nil: no profile yet).
    init(stored: Data?, increment: TrafficProfile) throws {
        var profile = increment
        if let stored {
            var merged = try TrafficProfile(serialized: [UInt8](stored))
            merged.merge(increment)
            profile = merged
        }
        count = profile.count
        errors = profile.errors
        data = Data(profile.serialized())
        summary = Data(profile.serializedSummary())
    }
}

private enum ProfileSQL {
    static let select = """
        SELECT data FROM profiles
        WHERE model_id = ? AND model_version = ? AND segment = ? AND resolution = ? AND bucket_start = ?
        """

    static let upsert = """
        INSERT INTO profiles (model_id, model_version, segment, resolution, bucket_start, inferences, errors, data)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (model_id, resolution, segment, bucket_start, model_version) DO UPDATE SET
            inferences = excluded.inferences, errors = excluded.errors, data = excluded.data
        """

    static let upsertSummary = """
        INSERT INTO profile_summaries (model_id, model_version, segment, resolution, bucket_start, data)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (model_id, resolution, segment, bucket_start, model_version) DO UPDATE SET data = excluded.data
        """

    static let selectLabels = """
        SELECT data FROM label_profiles
        WHERE model_id = ? AND model_version = ? AND segment = ? AND resolution = ? AND bucket_start = ?
        """

    static let upsertLabels = """
        INSERT INTO label_profiles (model_id, model_version, segment, resolution, bucket_start, data)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (model_id, resolution, segment, bucket_start, model_version) DO UPDATE SET data = excluded.data
        """

    static let recordCounted = """
        UPDATE label_events SET counted = 1, counted_ts = ?, counted_num = ?, counted_text = ?
        WHERE model_id = ? AND request_id = ?
        """

    static func keyArguments(_ key: ProfileKey) throws -> StatementArguments {
        [key.modelID, key.modelVersion, key.segment, key.resolution.rawValue, try Int64(milliseconds: key.bucketStart)]
    }
}

extension Double {
    fileprivate var finite: Double? { isFinite ? self : nil }
}
