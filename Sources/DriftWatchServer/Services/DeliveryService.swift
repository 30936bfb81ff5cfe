import DriftWatchAlerting
import ServiceLifecycle

/// Delivers queued notifications beside the HTTP server until it shuts down.
struct DeliveryService: Service {
    let queue: DeliveryQueue

    func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await queue.run() }
            try? await gracefulShutdown()
            group.cancelAll()
        }
    }
}
