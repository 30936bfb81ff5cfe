import DriftWatchCore
import DriftWatchSimulation
import Foundation
import Synchronization

/// The demo models simulations run, fitted once each, and their setup in the store.
final class DemoModelCatalog: Sendable {
    /// Rows of the reference dataset stored for a demo model that has none.
    static let referenceRows = 5_000

    private let fitted = Mutex<[DemoModelKind: DemoModel]>([:])

    init() {}

    /// The demo model of `kind` (seed 0), fitted on first use (well under a second).
    func model(_ kind: DemoModelKind) throws -> DemoModel {
        if let model = fitted.withLock({ $0[kind] }) { return model }
        // Fitted outside the lock: two first uses at once fit twice and keep one.
        let model = try DemoModel(kind)
        return fitted.withLock { models in
            if let existing = models[kind] { return existing }
            models[kind] = model
            return model
        }
    }

    /// Declares `model` when the store does not know it, and stores its reference dataset when
    /// it has none, so that drift can be measured from the first simulated event.
    func prepare(_ model: DemoModel, models: ModelRegistry, store: any EventStore) async throws {
        if try await models.lookUp(model.id) == nil {
            _ = try await models.declare(model.definition(createdAt: Date()))
        }
        if try await store.reference(modelID: model.id) == nil {
            try await store.save(model.referenceDataset(count: Self.referenceRows, createdAt: Date()))
        }
    }
}
