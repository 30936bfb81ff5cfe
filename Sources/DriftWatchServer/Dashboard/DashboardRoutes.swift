import DriftWatchCore
import Foundation
import Hummingbird

/// The web dashboard: HTML pages rendered on the server at `/`, `/models/{id}/…`, `/alerts`
/// and `/simulations`, with the stylesheet, script and icon they load. None of it is part of
/// the JSON API that `/openapi.json` describes.
struct DashboardRoutes<Context: RequestContext>: Sendable {
    let sources: DashboardSources

    /// The dashboard over `store`; without `alerts` the alerts page says alerting is not
    /// configured, without `simulations` the simulations page says how to start one.
    init(
        store: any EventStore, models: ModelRegistry, alerts: (any DashboardAlertSource)? = nil,
        simulations: (any DashboardSimulationSource)? = nil
    ) {
        sources = DashboardSources(store: store, models: models, alerts: alerts, simulations: simulations)
    }

    /// The pages by router path.
    static var pages: [(path: String, page: @Sendable (DashboardSources) -> any DashboardPage)] {
        [
            ("/", { ModelsPage(sources: $0) }),
            ("/models/:model", { OverviewPage(sources: $0) }),
            ("/models/:model/drift", { DriftPage(sources: $0) }),
            ("/models/:model/performance", { PerformancePage(sources: $0) }),
            ("/models/:model/quality", { QualityPage(sources: $0) }),
            ("/models/:model/latency", { LatencyPage(sources: $0) }),
            ("/models/:model/segments", { SegmentsPage(sources: $0) }),
            ("/alerts", { AlertsPage(sources: $0) }),
            ("/simulations", { SimulationsPage(sources: $0) }),
        ]
    }

    /// Every path the dashboard serves (pages and assets), in router form (`/models/:model`).
    static var paths: [String] { pages.map(\.path) + DashboardAsset.allCases.map(\.path) }

    func add(to router: Router<Context>) {
        for (path, make) in Self.pages {
            let page = make(sources)
            router.get(RouterPath(path)) { request, context in
                await Self.respond(page, request, context, store: sources.store)
            }
        }
        for asset in DashboardAsset.allCases {
            router.get(RouterPath(asset.path)) { _, _ in asset.response }
        }
    }

    /// The page as HTML: 400 for a parameter it cannot read, 404 for an unknown model, and 500
    /// for a failed read, logged with its error but shown without any detail.
    private static func respond(
        _ page: any DashboardPage, _ request: Request, _ context: Context, store: any EventStore
    ) async -> Response {
        let model = context.parameters.get("model").map { $0.removingPercentEncoding ?? $0 }
        var read: DashboardRequest?
        do {
            let dashboardRequest = try DashboardRequest(request, model: model, now: Date())
            read = dashboardRequest
            var document = try await page.document(for: dashboardRequest)
            if let model = dashboardRequest.model, document.modelPage != nil {
                document.versions = try await store.modelVersions(modelID: model)
            }
            return DashboardView.response(document, request: dashboardRequest)
        } catch DashboardFailure.noModel(let id), ModelChecks.Unavailable.noModel(let id) {
            return DashboardView.message(
                .notFound, heading: "Model not found",
                text: "There is no model \(id). Models appear with their first prediction or when they are declared.",
                request: read)
        } catch DashboardFailure.badParameter(_, let message) {
            return DashboardView.message(
                .badRequest, heading: "Cannot read this address", text: "The \(message).", request: read)
        } catch {
            context.logger.error(
                "dashboard page failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return DashboardView.message(
                .internalServerError, heading: "This page cannot be shown",
                text: "Reading its data failed. The server log has the details; try again in a moment.",
                request: read)
        }
    }
}
