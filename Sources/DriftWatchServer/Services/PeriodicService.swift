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
    /// When given, checked every ``wakeCheck`` seconds while waiting: true starts the next
    /// round before the interval is out.
    let wake: (@Sendable () -> Bool)?
    /// Seconds between checks of ``wake``.
    static let wakeCheck = 0.05

    /// A service named `name`; its rounds run on `executor`, by default one of its own. `wake`,
    /// when given, can start a round early.
    init(
        name: String, interval: TimeInterval, logger: Logger, executor: BackgroundExecutor? = nil,
        wake: (@Sendable () -> Bool)? = nil, round: @escaping @Sendable (Date) async throws -> Logger.Metadata
    ) {
        self.name = name
        self.interval = interval
        self.logger = logger
        self.round = round
        self.wake = wake
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
                await waitForNextRound()
            }
        }
    }

    /// Waits out the interval, or until `wake` says so. Cancelled at shutdown: the loop ends
    /// instead of reporting an error.
    private func waitForNextRound() async {
        guard let wake else {
            try? await Task.sleep(for: .seconds(interval))
            return
        }
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: .seconds(interval))
        while !Task.isCancelled && clock.now < end && !wake() {
            try? await Task.sleep(for: min(.seconds(Self.wakeCheck), clock.now.duration(to: end)))
        }
    }
}
