import DriftWatchCore
import Foundation
import Synchronization

/// The models the server knows, cached in front of the store: checks each incoming event
/// against its model's schema, and learns the schema of a model from its first events when it
/// was not declared.
actor ModelRegistry {
    let store: any EventStore
    private var known: [String: ModelDefinition] = [:] {
        didSet { snapshot.withLock { $0 = known } }
    }
    /// A copy of ``known`` readable without entering the actor: checking events of known models
    /// (nearly every request) then costs no task switch.
    private nonisolated let snapshot = Mutex<[String: ModelDefinition]>([:])

    init(store: any EventStore) {
        self.store = store
    }

    /// `events` with their schema violations set. A model seen for the first time, and not
    /// declared, is created from these events (its schema learned from them), before any of
    /// them is stored.
    nonisolated func check(_ events: [InferenceEvent]) async throws -> [InferenceEvent] {
        let cached = snapshot.withLock { $0 }
        if events.allSatisfy({ cached[$0.modelID] != nil }) {
            var checked = events
            for index in checked.indices {
                checked[index].schemaViolations = cached[checked[index].modelID]!.schema.violations(in: checked[index])
            }
            return checked
        }
        return try await checkLearning(events)
    }

    private func checkLearning(_ events: [InferenceEvent]) async throws -> [InferenceEvent] {
        var checked = events
        var firstIndex: [String: Int] = [:]
        for (index, event) in events.enumerated() where firstIndex[event.modelID] == nil {
            firstIndex[event.modelID] = index
        }
        var schemas: [String: ModelSchema] = [:]
        for model in firstIndex.keys.sorted() {
            schemas[model] = try await definition(of: model, learningFrom: events).schema
        }
        for index in checked.indices {
            guard let schema = schemas[checked[index].modelID] else { continue }
            checked[index].schemaViolations = schema.violations(in: checked[index])
        }
        return checked
    }

    /// Declares (creates or replaces) a model; true when it did not exist.
    func declare(_ model: ModelDefinition) async throws -> (model: ModelDefinition, created: Bool) {
        let existing = try await lookUp(model.id)
        var stored = model
        if let existing {
            stored.createdAt = existing.createdAt
        }
        try await store.save(stored)
        known[model.id] = stored
        return (stored, existing == nil)
    }

    /// A model's definition, or nil.
    func lookUp(_ id: String) async throws -> ModelDefinition? {
        if let model = known[id] { return model }
        let model = try await store.model(id: id)
        if let model { known[id] = model }
        return model
    }

    private func definition(of id: String, learningFrom events: [InferenceEvent]) async throws -> ModelDefinition {
        if let model = try await lookUp(id) { return model }
        let own = events.lazy.filter { $0.modelID == id }
        let now = Date()
        let learned = ModelDefinition(
            id: id, task: ModelTask.learned(from: own), schema: ModelSchema.learned(from: own), origin: .learned,
            createdAt: now)
        let stored = try await store.saveIfAbsent(learned)
        known[id] = stored
        return stored
    }
}
