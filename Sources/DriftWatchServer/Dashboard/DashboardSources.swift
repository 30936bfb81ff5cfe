import DriftWatchCore
import Foundation

/// What the dashboard's pages read: the store, the model registry, and the alert and
/// simulation sources when the server has them.
struct DashboardSources: Sendable {
    let store: any EventStore
    let models: ModelRegistry
    let alerts: (any DashboardAlertSource)?
    let simulations: (any DashboardSimulationSource)?

    /// The checks the JSON API answers with, so that pages and API agree.
    var checks: ModelChecks { ModelChecks(store: store, models: models) }

    /// The model a model page is about; an unknown one is a 404 page.
    func model(_ request: DashboardRequest) async throws -> ModelDefinition {
        guard let id = request.model, let model = try await models.lookUp(id) else {
            throw DashboardFailure.noModel(request.model ?? "")
        }
        return model
    }

    /// The alerts pending or firing now; nil without an alert source.
    func activeAlerts() async throws -> [DashboardAlert]? {
        guard let alerts else { return nil }
        return try await alerts.activeAlerts()
    }

    /// The latest stored value of a model-level monitor result within the day before `now`.
    func latestResult(_ id: String, metric: String, now: Date) async throws -> Double? {
        try await store.results(
            modelID: id, metric: metric, feature: "", from: now.addingTimeInterval(-86_400),
            to: now.addingTimeInterval(1)
        ).last?.value
    }
}
