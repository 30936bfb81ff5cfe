import DriftWatchAlerting
import DriftWatchCore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The DriftWatch HTTP server: ingestion and reads over an ``EventStore``.
public enum DriftWatchServer {
    /// The server's version, as the OpenAPI document and `driftwatch --version` report it.
    public static let version = "0.4.0"

    /// The router with every route, for tests and for ``run(store:configuration:logger:)``.
    public static func router(
        store: any EventStore, limits: IngestLimits, metrics: ServerMetrics = ServerMetrics()
    ) -> Router<BasicRequestContext> {
        router(
            store: store, limits: limits, metrics: metrics, models: ModelRegistry(store: store),
            alerts: alertCenter(
                store: store, configuration: ServerConfiguration.Alerting(), logger: Logger(label: "driftwatch")))
    }

    /// The alert center of a store that keeps alerting state.
    static func alertCenter(store: any EventStore, configuration: ServerConfiguration.Alerting, logger: Logger)
        -> AlertCenter?
    {
        guard let store = store as? any EventStore & AlertStore else { return nil }
        return AlertCenter(store: store, configuration: configuration, transport: HTTPClientTransport(), logger: logger)
    }

    static func router(
        store: any EventStore, limits: IngestLimits, metrics: ServerMetrics, models: ModelRegistry,
        alerts: AlertCenter?, backlog: ProfilingBacklog? = nil
    ) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.text())))
        }
        let writer = GroupCommitWriter(store: store, maxEventsPerCommit: limits.maxEventsPerCommit, backlog: backlog)
        let admission = IngestAdmission(capacity: limits.maxPendingEvents, metrics: metrics)
        let openAPI = JSONResponse.make(.ok, OpenAPIDocument.json(version: DriftWatchServer.version))
        router.get("/openapi.json") { _, _ in openAPI }
        IngestRoutes<BasicRequestContext>(
            writer: writer, models: models, limits: limits, admission: admission, metrics: metrics
        ).add(to: router)
        ModelRoutes<BasicRequestContext>(store: store, models: models, limits: limits).add(to: router)
        ReferenceRoutes<BasicRequestContext>(store: store, models: models, limits: limits).add(to: router)
        PerformanceRoutes<BasicRequestContext>(store: store, models: models).add(to: router)
        TimeSeriesRoutes<BasicRequestContext>(store: store).add(to: router)
        QualityRoutes<BasicRequestContext>(store: store, models: models).add(to: router)
        TrafficRoutes<BasicRequestContext>(store: store, models: models).add(to: router)
        let simulations = SimulationRegistry(
            sink: SimulationSink(writer: writer, models: models, admission: admission, metrics: metrics))
        SimulationRoutes<BasicRequestContext>(registry: simulations, limits: limits).add(to: router)
        DashboardRoutes<BasicRequestContext>(
            store: store, models: models, alerts: alerts.map { AlertCenterDashboardSource(center: $0) },
            simulations: simulations
        ).add(to: router)
        if let alerts { AlertRoutes<BasicRequestContext>(center: alerts, limits: limits).add(to: router) }
        ReportRoutes<BasicRequestContext>(
            builder: ReportBuilder(
                checks: ModelChecks(store: store, models: models),
                alerts: alerts.flatMap { $0.configuration.enabled ? AlertCenterDashboardSource(center: $0) : nil })
        ).add(to: router)
        EventRoutes<BasicRequestContext>(store: store, admission: admission, writer: writer).add(to: router)
        CompatibilityRoutes<BasicRequestContext>(
            writer: writer, models: models, limits: limits, defaultModel: "default"
        ).add(to: router)
        return router
    }

    /// Declares the configured models, then serves until SIGINT or SIGTERM; in-flight requests
    /// finish (and commit) before it returns.
    public static func run(store: any EventStore, configuration: ServerConfiguration, logger: Logger) async throws {
        let metrics = ServerMetrics()
        let models = ModelRegistry(store: store)
        for model in configuration.models {
            _ = try await models.declare(model)
            logger.info(
                "model declared from the config",
                metadata: ["model": "\(model.id)", "features": "\(model.schema.features.count)"])
        }
        // Profiles first: events stored before a crash but not yet profiled are profiled here,
        // before the server answers queries that read profiles.
        let profiler = Profiler(
            store: store, batchSize: configuration.profiling.batchSize,
            maxBatchSize: configuration.profiling.maxBatchSize)
        let repaired = try await profiler.catchUp()
        if repaired > 0 { logger.info("profiles caught up", metadata: ["events": "\(repaired)"]) }
        // A pass starts early once half the inferences kept in memory for it are waiting, so
        // that heavy live ingestion does not push them out before they are profiled (not during
        // a backfill: see ProfilingBacklog).
        let backlog = ProfilingBacklog(threshold: configuration.profiling.recentEvents / 2)
        var services: [any Service] = [
            PeriodicService(
                name: "profiler", interval: configuration.profiling.interval, logger: logger,
                wake: { backlog.isDue }
            ) { _ in
                let pass = try await backlog.pass { try await profiler.catchUpCounting() }
                return ["events": "\(pass.events)", "buckets": "\(pass.buckets)"]
            },
            PeriodicService(name: "data expiry", interval: configuration.retention.interval, logger: logger) { now in
                let deleted = try await DataExpiry(store: store, retention: configuration.retention).run(now: now)
                return ["events": "\(deleted.events)", "profiles": "\(deleted.profiles)"]
            },
        ]
        let alerts = alertCenter(store: store, configuration: configuration.alerting, logger: logger)
        if configuration.monitoring.enabled {
            let runner = MonitorRunner(
                checks: ModelChecks(
                    store: store, models: models, rollingReference: configuration.monitoring.rollingReference),
                metrics: metrics,
                window: configuration.monitoring.window, logger: logger)
            services.append(
                PeriodicService(name: "monitors", interval: configuration.monitoring.interval, logger: logger) { now in
                    let results = try await runner.runOnce(now: now)
                    let transitions = try await alerts?.evaluate(results: results, at: now) ?? []
                    return ["results": "\(results.count)", "alert_transitions": "\(transitions.count)"]
                })
        }
        if let alerts {
            try await alerts.load()
            if let delivery = alerts.delivery { services.append(DeliveryService(queue: delivery)) }
            services.append(
                PeriodicService(name: "notifier", interval: configuration.alerting.notifyInterval, logger: logger) {
                    now in
                    await alerts.notify(at: now)
                    return [:]
                })
        }
        let app = Application(
            router: router(
                store: store, limits: configuration.limits, metrics: metrics, models: models, alerts: alerts,
                backlog: backlog),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "DriftWatch"),
            services: services,
            logger: logger)
        try await app.runService()
    }
}
