import Foundation
import Logging
import ServiceLifecycle

/// Runs a piece of work on a schedule, beside the HTTP server, until the server shuts down:
/// the monitors, the profiler, data expiry.
///
/// Rounds run on a ``BackgroundExecutor`` of the service's own, not on the cooperative pool:
/// a profiler pass or a monitor round computes for hundreds of milliseconds between
/// suspensions, and on the pool (one thread per core) that keeps requests from a thread.
struct PeriodicService: Service {
    /// The name in log lines.
    let name: String
    /// Seconds between the end of one round and the start of the next.
    let interval: TimeInterval
    let logger: Logger
    /// One round; returns facts for the debug log line.
    let round: @Sendable (Date) async throws -> Logger.Metadata
    /// Where rounds run.
    let executor: BackgroundExecutor

    /// A service named `name`; its rounds run on `executor`, by default one of its own.
    init(
        name: String, interval: TimeInterval, logger: Logger, executor: BackgroundExecutor? = nil,
        round: @escaping @Sendable (Date) async throws -> Logger.Metadata
    ) {
        self.name = name
        self.interval = interval
        self.logger = logger
        self.round = round
        self.executor = executor ?? BackgroundExecutor(label: "DriftWatch.\(name)")
    }

    /// Returns (without an error) when the server shuts down: a round in progress finishes
    /// first, and the wait for the next one is cut short. A failed round is logged and the
    /// next one runs as scheduled.
    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let started = Date()
                do {
                    var metadata = try await withTaskExecutorPreference(executor) { try await round(started) }
                    metadata["seconds"] = "\(String(format: "%.3f", Date().timeIntervalSince(started)))"
                    logger.debug("\(name) ran", metadata: metadata)
                } catch {
                    logger.error("\(name) failed", metadata: ["error": "\(error)"])
                }
                // Cancelled at shutdown: the loop ends instead of reporting an error.
                try? await Task.sleep(for: .seconds(interval))
            }
        }
    }
}
