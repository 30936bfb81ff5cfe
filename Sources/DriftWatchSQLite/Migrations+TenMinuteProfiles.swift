import DriftWatchCore
import Foundation
import GRDB

extension Migrations {
    /// The body of `v10_ten_minute_profiles`: the ten-minute profiles (with their summaries)
    /// that the stored minute profiles make up, each the merge of its minutes in time order, so
    /// that an upgraded database answers a window read through ten-minute buckets as it
    /// answered it through their minutes. Ten minutes whose minutes have expired stay empty, as
    /// their minutes read.
    ///
    /// Part of a shipped migration once released: what it writes never changes (see
    /// ``Migrations``).
    static func backfillTenMinuteProfiles(_ db: Database) throws {
        // The models, one key seek each (a skip scan of the key).
        let models = try String.fetchAll(
            db,
            sql: """
                WITH RECURSIVE model(id) AS (
                    SELECT min(model_id) FROM profiles
                    UNION ALL
                    SELECT (SELECT min(model_id) FROM profiles WHERE model_id > model.id)
                    FROM model WHERE model.id IS NOT NULL)
                SELECT id FROM model WHERE id IS NOT NULL
                """)
        let insertProfile = try db.makeStatement(
            sql: """
                INSERT INTO profiles (model_id, model_version, segment, resolution, bucket_start, inferences, errors, data)
                VALUES (?, ?, ?, 'ten_minutes', ?, ?, ?, ?)
                """)
        let insertSummary = try db.makeStatement(
            sql: """
                INSERT INTO profile_summaries (model_id, model_version, segment, resolution, bucket_start, data)
                VALUES (?, ?, ?, 'ten_minutes', ?, ?)
                """)
        for modelID in models {
            // In key order (segment, bucket start, version), read from the key without sorting
            // the rows, so that all versions of one segment's ten minutes come together.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT model_version, segment, bucket_start, data FROM profiles
                    WHERE model_id = ? AND resolution = 'minute'
                    ORDER BY segment, bucket_start, model_version
                    """,
                arguments: [modelID])
            var current: (segment: String, start: Int64)?
            var merged: [String: TrafficProfile] = [:]
            func flush() throws {
                guard let current else { return }
                for (version, profile) in merged.sorted(by: { $0.key < $1.key }) {
                    let key: StatementArguments = [modelID, version, current.segment, current.start]
                    try insertProfile.execute(
                        arguments: key + [profile.count, profile.errors, Data(profile.serialized())])
                    try insertSummary.execute(arguments: key + [Data(profile.serializedSummary())])
                }
                merged = [:]
            }
            while let row = try rows.next() {
                let segment: String = row["segment"]
                let start = try Int64(
                    milliseconds: ProfileResolution.tenMinutes.bucketStart(of: Date(milliseconds: row["bucket_start"])))
                if current?.segment != segment || current?.start != start {
                    try flush()
                    current = (segment, start)
                }
                let data: Data = row["data"]
                merged[row["model_version"], default: TrafficProfile()]
                    .merge(try TrafficProfile(serialized: [UInt8](data)))
            }
            try flush()
        }
    }
}
