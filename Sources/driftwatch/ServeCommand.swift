import ArgumentParser
import DriftWatchCore
import DriftWatchSQLite
import DriftWatchServer
import Foundation
import Logging

/// `driftwatch serve` (alias `start`): the server, configured by a YAML file and flags.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the DriftWatch server.",
        discussion: """
            Settings come from --config (see driftwatch.example.yaml), then the flags below.
            Events are acknowledged only after they are committed to the store.
            SIGINT or SIGTERM finish in-flight requests and exit 0.
            """,
        aliases: ["start"]
    )

    @Option(help: "A YAML config file (see driftwatch.example.yaml).")
    var config: String?

    @Option(help: "The address to listen on (default 127.0.0.1).")
    var host: String?

    @Option(help: "The port to listen on (default 8000).")
    var port: Int?

    @Option(help: "The folder of the SQLite database (default ./driftwatch-data).")
    var dataDir: String?

    @Option(help: "The largest request body, in bytes (default 1 GiB; bodies are streamed).")
    var maxBodyBytes: Int?

    @Option(help: "The most events waiting for their commit; beyond it requests get 429 (default 200000).")
    var maxPendingEvents: Int?

    func run() async throws {
        var settings = ServerConfiguration()
        if let config {
            do {
                settings = try ServerConfiguration.load(path: config)
            } catch {
                throw badInput("invalid config:\n\(error)")
            }
        }
        if let host { settings.host = host }
        if let port { settings.port = port }
        if let dataDir { settings.storage.dataDirectory = dataDir }
        if let maxBodyBytes { settings.limits.maxBodyBytes = maxBodyBytes }
        if let maxPendingEvents { settings.limits.maxPendingEvents = maxPendingEvents }

        LineLogHandler.bootstrap(settings.logging)
        let logger = Logger(label: "driftwatch")
        let path = settings.storage.dataDirectory + "/driftwatch.sqlite"
        let store: SQLiteEventStore
        do {
            store = try SQLiteEventStore(path: path, recentEvents: settings.profiling.recentEvents)
            try await store.migrate()
        } catch {
            throw badInput("cannot open the store in \(settings.storage.dataDirectory): \(error)")
        }
        let migrations = try await store.appliedMigrations().count
        logger.info(
            "store ready",
            metadata: [
                "backend": "\(settings.storage.backend.rawValue)", "path": "\(path)",
                "migrations": "\(migrations)",
            ])
        try await DriftWatchServer.run(store: store, configuration: settings, logger: logger)
        logger.info("stopped")
    }
}
