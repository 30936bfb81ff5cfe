import DriftWatchCore
import Foundation
import Synchronization

/// The models the server knows, cached in front of the store: checks each incoming event
/// against its model's schema, and learns the schema of a model from its first events when it
/// was not declared.
///
/// The cache is behind a mutex so that checking events of known models (nearly every request)
/// needs no task switch; the actor serializes only what writes definitions (declaring and
/// learning), so that two requests for a new model learn it once.
actor ModelRegistry {
    let store: any EventStore
    private nonisolated let known = Mutex<[String: ModelDefinition]>([:])

    init(store: any EventStore) {
        self.store = store
    }

    /// `events` with their schema violations set. A model seen for the first time, and not
    /// declared, is created from these events (its schema learned from them), before any of
    /// them is stored.
    nonisolated func check(_ events: [InferenceEvent]) async throws -> [InferenceEvent] {
        var models = known.withLock { $0 }  // a copy-on-write snapshot, not a copy
        if !events.allSatisfy({ models[$0.modelID] != nil }) {
            let unknown = Set(events.map(\.modelID)).filter { models[$0] == nil }
            for id in unknown.sorted() {
                models[id] = try await definition(of: id, learningFrom: events)
            }
        }
        var checked = events
        for index in checked.indices {
            let violations = models[checked[index].modelID]!.schema.violations(in: checked[index])
            // Written only when it changes: writing copies the whole batch first.
            if violations != checked[index].schemaViolations { checked[index].schemaViolations = violations }
        }
        return checked
    }

    /// Declares (creates or replaces) a model, keeping its creation time; true when it did not exist.
    func declare(_ model: ModelDefinition) async throws -> (model: ModelDefinition, created: Bool) {
        let existing = try await lookUp(model.id)
        var stored = model
        if let existing {
            stored.createdAt = existing.createdAt
        }
        try await store.save(stored)
        known.withLock { $0[model.id] = stored }
        return (stored, existing == nil)
    }

    /// A model's definition, or nil.
    nonisolated func lookUp(_ id: String) async throws -> ModelDefinition? {
        if let model = known.withLock({ $0[id] }) { return model }
        let model = try await store.model(id: id)
        if let model { known.withLock { $0[id] = $0[id] ?? model } }
        return model
    }

    private func definition(of id: String, learningFrom events: [InferenceEvent]) async throws -> ModelDefinition {
        if let model = try await lookUp(id) { return model }
        let own = events.lazy.filter { $0.modelID == id }
        let learned = ModelDefinition(
            id: id, task: ModelTask.learned(from: own), schema: ModelSchema.learned(from: own), origin: .learned,
            createdAt: Date())
        let stored = try await store.saveIfAbsent(learned)
        known.withLock { $0[id] = stored }
        return stored
    }
}
