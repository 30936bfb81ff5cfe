import ArgumentParser
import DriftWatchSQLite

/// `driftwatch migrate`: apply pending schema migrations to the store and list them.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending schema migrations to the store (the server also does this at start)."
    )

    @Option(help: "The folder of the SQLite database.")
    var dataDir: String = "./driftwatch-data"

    func run() async throws {
        let store: SQLiteEventStore
        let applied: [String]
        do {
            store = try SQLiteEventStore(path: dataDir + "/driftwatch.sqlite")
            let before = try await store.appliedMigrations()
            try await store.migrate()
            applied = try await store.appliedMigrations()
            for name in applied {
                print(before.contains(name) ? "already applied  \(name)" : "applied          \(name)")
            }
        } catch {
            throw badInput("cannot migrate the store in \(dataDir): \(error)")
        }
    }
}
