import ArgumentParser
import DriftWatchCore
import DriftWatchSQLite
import DriftWatchServer
import Foundation
import Logging

/// `driftwatch serve` (alias `start`): the ingestion server on an embedded SQLite store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the DriftWatch server (embedded SQLite store).",
        discussion: """
            Events are acknowledged only after they are committed to the store.
            SIGINT or SIGTERM finish in-flight requests and exit 0.
            """,
        aliases: ["start"]
    )

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8000

    @Option(help: "The folder of the SQLite database.")
    var dataDir: String = "./driftwatch-data"

    @Option(help: "The largest request body, in bytes.")
    var maxBodyBytes: Int = 64 << 20

    @Option(help: "The most events waiting for their commit; beyond it requests get 429 with Retry-After.")
    var maxPendingEvents: Int = 200_000

    func run() async throws {
        var logger = Logger(label: "driftwatch")
        logger.logLevel = .info
        let store: SQLiteEventStore
        do {
            store = try SQLiteEventStore(path: dataDir + "/driftwatch.sqlite")
            try await store.migrate()
        } catch {
            throw badInput("cannot open the store in \(dataDir): \(error)")
        }
        logger.info("store ready", metadata: ["path": "\(dataDir)/driftwatch.sqlite"])
        try await DriftWatchServer.run(
            store: store,
            configuration: .init(
                host: host, port: port,
                limits: IngestLimits(maxBodyBytes: maxBodyBytes, maxPendingEvents: maxPendingEvents)),
            logger: logger)
    }
}
