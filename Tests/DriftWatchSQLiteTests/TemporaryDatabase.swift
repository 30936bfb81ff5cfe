import DriftWatchSQLite
import Foundation

/// A database file in a fresh temporary directory, removed afterwards.
struct TemporaryDatabase: ~Copyable {
    let directory: URL
    var path: String { directory.appendingPathComponent("nested/dir/driftwatch.sqlite").path }

    init() {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("DriftWatchSQLiteTests-\(UUID().uuidString)")
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Every migration, in the order they apply: spelled out here so that a renamed, dropped or
    /// reordered migration fails the tests.
    static let migrations = [
        "v1_models_events_labels", "v2_model_origin_schema_violations", "v3_reference_datasets",
        "v4_monitor_results", "v5_profiles_daily_metrics_scoped_results", "v6_alerting", "v7_notification_log",
        "v8_profile_summaries", "v9_version_references", "v10_ten_minute_profiles", "v11_label_profiles",
    ]

    func open() async throws -> SQLiteEventStore {
        let store = try SQLiteEventStore(path: path)
        try await store.migrate()
        return store
    }
}
