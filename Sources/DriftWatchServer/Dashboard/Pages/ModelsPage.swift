import DriftWatchCore
import Foundation

/// `/`: every model with its task, its inferences in the window and its health badge.
struct ModelsPage: DashboardPage {
    let sources: DashboardSources

    /// One row of the page's table.
    struct Row: Sendable {
        let id: String
        let href: String
        let description: String?
        let task: String
        let inferences: String
        let health: HealthView
        let links: [LayoutView.Link]
    }

    /// What the page's template shows.
    struct View: Sendable {
        let windowLabel: String
        let hasModels: Bool
        let models: [Row]
        let alertsUnavailable: Bool
        let empty: EmptyState?
    }

    func document(for request: DashboardRequest) async throws -> DashboardDocument {
        try await Profiler(store: sources.store).catchUp()
        let alerts = try await sources.activeAlerts()
        var rows: [Row] = []
        for model in try await sources.store.models() {
            let profile = try await sources.store.windowProfile(
                modelID: model.id, version: request.scope.version, segment: request.scope.segment,
                from: request.window.from, to: request.window.to)
            let health = try await ModelHealth.read(
                model.id, profile: profile, alerts: alerts, sources: sources, now: request.now)
            rows.append(
                Row(
                    id: model.id, href: DashboardLinks.model(model.id, .overview, request.carried),
                    description: model.description, task: model.task.rawValue,
                    inferences: DashboardFormat.count(profile.count), health: health.view,
                    links: ModelPage.allCases.dropFirst().map {
                        LayoutView.Link(
                            label: $0.label, href: DashboardLinks.model(model.id, $0, request.carried), current: false)
                    }))
        }
        let empty = EmptyState(
            heading: "No models yet",
            text:
                "A model appears here with its first prediction. Log predictions from your service, or start the demo to see the dashboard with simulated traffic.",
            commands: [DashboardCommands.postInference(request.origin, model: "fraud"), "driftwatch demo"])
        let view = View(
            windowLabel: request.windowLabel, hasModels: !rows.isEmpty, models: rows,
            alertsUnavailable: alerts == nil, empty: rows.isEmpty ? empty : nil)
        return DashboardDocument(
            heading: "Models", title: "Models", section: .models, body: DashboardView.render(.models, view))
    }
}
