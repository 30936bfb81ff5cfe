import DriftWatchCore
import Foundation
import GRDB

extension SQLiteEventStore {
    /// Whether any all-traffic minute summary of the model starts in `from ..< to` (every event
    /// is counted in its version's all-traffic bucket, so this sees all traffic).
    public func hasMinuteProfiles(modelID: String, from: Date, to: Date) async throws -> Bool {
        let lower = try Int64(milliseconds: from)
        let upper = try Int64(milliseconds: to)
        return try await pool.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (
                        SELECT 1 FROM profile_summaries
                        WHERE model_id = ? AND resolution = 'minute' AND segment = ''
                            AND bucket_start >= ? AND bucket_start < ?)
                    """,
                arguments: [modelID, lower, upper]) ?? false
        }
    }
}
