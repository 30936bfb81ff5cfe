import ArgumentParser
import DriftWatchSQLite
import DriftWatchServer
import Foundation
import Logging

/// `driftwatch demo`: a server with three demo models, two hours of history and live traffic
/// with incidents, so that the dashboard is alive within seconds.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a server with three demo models and live simulated traffic, incidents included.",
        discussion: """
            Starts the server on an SQLite store, declares the demo models fraud (binary), price \
            (regression) and churn (binary) with their reference datasets, stores two hours of clean \
            history, then sends live predictions and late labels over HTTP. Incidents start after \
            --incident-after seconds, a minute apart: fraud amounts drift, price latency spikes, churn \
            concept drift. Monitors run every 15 s over the last 15 minutes. SIGINT or SIGTERM stop \
            it with exit status 0.
            """
    )

    @Option(help: "The port to listen on.")
    var port = 8000

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The folder of the SQLite database (default: a new temporary folder, printed).")
    var dataDir: String?

    @Option(help: "Predictions per second per model.")
    var rate = 20.0

    @Option(help: "Seconds of live traffic before the first incident.")
    var incidentAfter = 120.0

    @Option(help: "Fixes the models and their traffic.")
    var seed: UInt64 = 0

    func run() async throws {
        guard rate.isFinite, rate > 0, rate <= 1_000 else { throw badInput("--rate must be in (0, 1000], got \(rate)") }
        guard incidentAfter.isFinite, incidentAfter >= 0 else {
            throw badInput("--incident-after must be 0 or more seconds, got \(incidentAfter)")
        }
        let directory =
            dataDir ?? NSTemporaryDirectory() + "driftwatch-demo-" + UUID().uuidString.prefix(8).lowercased()
        let store: SQLiteEventStore
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            store = try SQLiteEventStore(path: directory + "/driftwatch.sqlite")
            try await store.migrate()
        } catch {
            throw badInput("cannot open the store in \(directory): \(error)")
        }
        var settings = ServerConfiguration()
        settings.host = host
        settings.port = port
        settings.storage.dataDirectory = directory
        settings.monitoring.interval = 15
        settings.monitoring.window = 900
        settings.logging.level = .warning
        LineLogHandler.bootstrap(settings.logging)
        let logger = Logger(label: "driftwatch")
        let configuration = settings
        let local = ["0.0.0.0", "::", "[::]"].contains(host) ? "127.0.0.1" : host
        let base = "http://\(local.contains(":") && !local.hasPrefix("[") ? "[\(local)]" : local):\(port)"
        guard let client = SimulationClient(target: base) else { throw badInput("--host: \(host) is not an address") }
        let traffic = DemoTraffic(
            store: store, client: client, publicURL: base, dataDirectory: directory, rate: rate, seed: seed,
            incidentAfter: incidentAfter)
        emit("Starting the DriftWatch demo on \(base)/ (data in \(directory))")
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                // The server returns on SIGINT or SIGTERM, after finishing in-flight requests.
                group.addTask {
                    try await DriftWatchServer.run(store: store, configuration: configuration, logger: logger)
                }
                group.addTask { try await traffic.run() }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            throw badInput("the demo stopped: \(error)")
        }
        emit("Stopped. The data stays in \(directory).")
    }
}
