import DriftWatchCore
import Foundation
import Hummingbird
import Logging

/// The DriftWatch HTTP server: ingestion and reads over an ``EventStore``.
public enum DriftWatchServer {
    /// Where to listen and what to accept.
    public struct Configuration: Sendable {
        /// The address to bind.
        public var host: String
        /// The port to bind.
        public var port: Int
        /// Request limits.
        public var limits: IngestLimits

        /// Creates a configuration; the default is 127.0.0.1:8000.
        public init(host: String = "127.0.0.1", port: Int = 8000, limits: IngestLimits = IngestLimits()) {
            self.host = host
            self.port = port
            self.limits = limits
        }
    }

    /// The router with every route, for tests and for ``run(store:configuration:logger:)``.
    public static func router(
        store: any EventStore, limits: IngestLimits, metrics: ServerMetrics = ServerMetrics()
    ) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.text())))
        }
        let writer = GroupCommitWriter(store: store, maxEventsPerCommit: limits.maxEventsPerCommit)
        let models = ModelRegistry(store: store)
        let admission = IngestAdmission(capacity: limits.maxPendingEvents, metrics: metrics)
        IngestRoutes<BasicRequestContext>(
            writer: writer, models: models, limits: limits, admission: admission, metrics: metrics
        ).add(to: router)
        ModelRoutes<BasicRequestContext>(store: store, models: models, limits: limits).add(to: router)
        EventRoutes<BasicRequestContext>(store: store, admission: admission, writer: writer).add(to: router)
        CompatibilityRoutes<BasicRequestContext>(
            writer: writer, models: models, limits: limits, defaultModel: "default"
        ).add(to: router)
        return router
    }

    /// Runs until SIGINT or SIGTERM; in-flight requests finish (and commit) before it returns.
    public static func run(store: any EventStore, configuration: Configuration, logger: Logger) async throws {
        let app = Application(
            router: router(store: store, limits: configuration.limits),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "DriftWatch"),
            logger: logger)
        try await app.runService()
    }
}
