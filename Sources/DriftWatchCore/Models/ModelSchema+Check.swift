extension ModelSchema {
    /// How `event` departs from the schema (empty when it conforms). A missing value is never a
    /// violation: it is counted as missing by the monitors.
    public func violations(in event: InferenceEvent) -> [SchemaViolation] {
        var found: [SchemaViolation] = []
        for (name, value) in event.features {
            guard let type = features[name] else {
                found.append(SchemaViolation(field: name, kind: .unknownFeature))
                continue
            }
            if type == .numeric, case .text = value {
                found.append(SchemaViolation(field: name, kind: .typeMismatch))
            }
        }
        for key in event.segments.keys where !segments.contains(key) {
            found.append(SchemaViolation(field: key, kind: .unknownSegment))
        }
        return found.sorted { ($0.field, $0.kind.rawValue) < ($1.field, $1.kind.rawValue) }
    }

    /// The schema of a model that was not declared, learned from its first events: every
    /// feature and segment key they carry; a feature is numeric when its first non-missing value
    /// is a number.
    public static func learned(from events: some Sequence<InferenceEvent>) -> ModelSchema {
        var schema = ModelSchema()
        var undecided: Set<String> = []
        for event in events {
            for (name, value) in event.features {
                if schema.features[name] != nil && !undecided.contains(name) { continue }
                switch value {
                case .number:
                    schema.features[name] = .numeric
                    undecided.remove(name)
                case .text:
                    schema.features[name] = .categorical
                    undecided.remove(name)
                case .missing:
                    if schema.features[name] == nil {
                        schema.features[name] = .numeric
                        undecided.insert(name)
                    }
                }
            }
            schema.segments.formUnion(event.segments.keys)
        }
        return schema
    }
}

extension ModelTask {
    /// The task of a model that was not declared, guessed from its first events: class
    /// probabilities make it a classifier (binary with one or two classes); a text prediction
    /// without probabilities a classifier too; a non-integer numeric prediction a regression.
    /// Otherwise ``unknown``.
    public static func learned(from events: some Sequence<InferenceEvent>) -> ModelTask {
        var classes: Set<String> = []
        var sawFraction = false
        for event in events {
            classes.formUnion(event.probabilities.keys)
            if let text = event.predictionText { classes.insert(text) }
            if let number = event.predictionNumber, number != number.rounded() { sawFraction = true }
        }
        if !classes.isEmpty { return classes.count > 2 ? .multiclass : .binary }
        return sawFraction ? .regression : .unknown
    }
}
