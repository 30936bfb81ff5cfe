import ArgumentParser
import DriftWatchCore
import DriftWatchSQLite
import Foundation

/// `driftwatch rebuild`: recompute every profile (and the daily metrics) from the raw events.
struct RebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Recompute the profiles and daily metrics from the stored raw events.",
        discussion: """
            Profiles are derived data: the server keeps them up to date as events arrive and repairs \
            them at start. Rebuild after restoring a backup or changing retention, with the server \
            stopped. Events already expired by retention cannot be profiled again.
            """
    )

    @Option(help: "The folder of the SQLite database.")
    var dataDir: String = "./driftwatch-data"

    @Option(help: "Events read and merged per transaction.")
    var batchSize: Int = 20_000

    func run() async throws {
        guard batchSize > 0 else { throw badInput("--batch-size must be at least 1") }
        let started = Date()
        let profiled: Int
        do {
            let store = try SQLiteEventStore(path: dataDir + "/driftwatch.sqlite")
            try await store.migrate()
            profiled = try await Profiler(store: store, batchSize: batchSize).rebuild()
        } catch {
            throw badInput("cannot rebuild the profiles in \(dataDir): \(error)")
        }
        print(
            "rebuilt profiles from \(profiled) events in \(String(format: "%.2f", Date().timeIntervalSince(started))) s"
        )
    }
}
