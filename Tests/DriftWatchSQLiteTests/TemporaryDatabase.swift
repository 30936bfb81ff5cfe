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

    func open() async throws -> SQLiteEventStore {
        let store = try SQLiteEventStore(path: path)
        try await store.migrate()
        return store
    }
}
