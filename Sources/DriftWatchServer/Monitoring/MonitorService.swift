import Foundation
import Logging
import ServiceLifecycle

/// Runs the monitors on a schedule, beside the HTTP server, until the server shuts down.
struct MonitorService: Service {
    let runner: MonitorRunner
    /// Seconds between rounds.
    let interval: TimeInterval

    /// Returns (without an error) when the server shuts down: a round in progress finishes
    /// first, and the wait for the next one is cut short.
    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let started = Date()
                do {
                    let results = try await runner.runOnce(now: started)
                    runner.logger.debug(
                        "monitors ran",
                        metadata: [
                            "results": "\(results.count)",
                            "seconds": "\(String(format: "%.3f", Date().timeIntervalSince(started)))",
                        ])
                } catch {
                    runner.logger.error("monitors failed", metadata: ["error": "\(error)"])
                }
                // Cancelled at shutdown: the loop ends instead of reporting an error.
                try? await Task.sleep(for: .seconds(interval))
            }
        }
    }
}
