/// Checks event after event against one schema, as ``ModelSchema/violations(in:)`` does, with
/// less hashing: it remembers the feature names of the last event whose every feature and
/// segment key the schema knows, in the order its dictionary lists them, with their declared
/// types. An event whose features list the same names in the same order (the events decoded
/// from one request share their dictionary's layout) is checked by comparing names instead of
/// looking each one up; segment keys (a few) are compared with the remembered ones.
public struct SchemaChecker: Sendable {
    /// The schema checked against.
    public let schema: ModelSchema
    private var names: [String] = []
    private var types: [FeatureType] = []
    private var segmentKeys: [String] = []
    private var remembered = false
    private var looked = 0

    /// A checker for `schema`.
    public init(schema: ModelSchema) {
        self.schema = schema
    }

    /// How `event` departs from the schema, sorted by field and kind.
    public mutating func violations(in event: InferenceEvent) -> [SchemaViolation] {
        if remembered, let found = quickViolations(in: event) { return found }
        let found = schema.violations(in: event)
        // From the second event looked up on, so that a request of one event does not pay for it.
        looked += 1
        if looked > 1 && !found.contains(where: { $0.kind != .typeMismatch }) { remember(event) }
        return found
    }

    /// The violations when the event has the remembered names in order and known segment
    /// keys; nil otherwise.
    private func quickViolations(in event: InferenceEvent) -> [SchemaViolation]? {
        guard event.features.count == names.count, event.segments.count <= segmentKeys.count else { return nil }
        for key in event.segments.keys where !segmentKeys.contains(key) { return nil }
        var found: [SchemaViolation] = []
        var index = 0
        for (name, value) in event.features {
            guard name == names[index] else { return nil }
            if types[index] == .numeric, case .text = value {
                found.append(SchemaViolation(field: name, kind: .typeMismatch))
            }
            index += 1
        }
        return found.count > 1 ? found.sorted { $0.field < $1.field } : found
    }

    /// Remembers the names of an event whose features and segment keys the schema all has.
    private mutating func remember(_ event: InferenceEvent) {
        names.removeAll(keepingCapacity: true)
        types.removeAll(keepingCapacity: true)
        for name in event.features.keys {
            guard let type = schema.features[name] else {
                remembered = false
                return
            }
            names.append(name)
            types.append(type)
        }
        // The schema's own keys, when few: any event's known keys are among them.
        segmentKeys = schema.segments.count <= 8 ? Array(schema.segments) : Array(event.segments.keys)
        remembered = true
    }
}
