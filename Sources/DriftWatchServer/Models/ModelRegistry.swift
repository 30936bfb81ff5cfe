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
        if !Self.allKnown(events, in: models) {
            let unknown = Set(events.map(\.modelID)).filter { models[$0] == nil }
            for id in unknown.sorted() {
                models[id] = try await definition(of: id, learningFrom: events)
            }
        }
        // Read from `events` and written into `checked` only when a violation changes: a write
        // copies the whole batch first, and reading an element of an array that is being
        // written copies the event. A batch is nearly always of one model: its schema is looked
        // up when the model changes.
        var checked = events
        var checker: (modelID: String, checker: SchemaChecker)?
        for (index, event) in events.enumerated() {
            if checker?.modelID != event.modelID {
                checker = (event.modelID, SchemaChecker(schema: models[event.modelID]!.schema))
            }
            let violations = checker!.checker.violations(in: event)
            if violations != event.schemaViolations { checked[index].schemaViolations = violations }
        }
        return checked
    }

    /// Whether every event's model is in `models`, looking each model up once per run of events.
    private static func allKnown(_ events: [InferenceEvent], in models: [String: ModelDefinition]) -> Bool {
        var last: String?
        for event in events where event.modelID != last {
            guard models[event.modelID] != nil else { return false }
            last = event.modelID
        }
        return true
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
