import Foundation
import Logging
import ServiceLifecycle

/// Runs a piece of work on a schedule, beside the HTTP server, until the server shuts down:
/// the monitors, the profiler, data expiry.
struct PeriodicService: Service {
    /// The name in log lines.
    let name: String
    /// Seconds between the end of one round and the start of the next.
    let interval: TimeInterval
    let logger: Logger
    /// One round; returns facts for the debug log line.
    let round: @Sendable (Date) async throws -> Logger.Metadata

    /// Returns (without an error) when the server shuts down: a round in progress finishes
    /// first, and the wait for the next one is cut short. A failed round is logged and the
    /// next one runs as scheduled.
    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let started = Date()
                do {
                    var metadata = try await round(started)
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
