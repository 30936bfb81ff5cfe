import DriftWatchCore
import Foundation

/// Reads a model declaration (`POST /v1/models`, the config file's `models:`) from JSON:
/// `{"id": "fraud", "task": "binary", "features": {"amount": "numeric", "country": "categorical"},
/// "segments": ["region"], "description": "…"}`.
enum ModelDeclaration {
    /// A declaration that cannot be used, naming the field at fault.
    struct Invalid: Error, Sendable, Equatable {
        var field: String
        var error: String
    }

    static func parse(_ value: JSONValue, now: Date, maxStringLength: Int = 4096) throws(Invalid) -> ModelDefinition {
        guard case .object(let object) = value else {
            throw Invalid(field: "", error: "expected a JSON object, got \(value.typeName)")
        }
        let known: Set<String> = ["id", "task", "features", "segments", "description"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw Invalid(
                field: unknown, error: "unknown field; expected one of \(known.sorted().joined(separator: ", "))")
        }
        guard case .string(let id)? = object["id"], !id.isEmpty, id.count <= maxStringLength else {
            throw Invalid(field: "id", error: "is required: a non-empty string")
        }
        var task = ModelTask.unknown
        switch object["task"] {
        case nil, .null?: break
        case .string(let name)?:
            guard let parsed = ModelTask(rawValue: name) else {
                throw Invalid(
                    field: "task",
                    error: "\"\(name)\" is not one of \(ModelTask.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            task = parsed
        case let other?: throw Invalid(field: "task", error: "must be a string, got \(other.typeName)")
        }
        var schema = ModelSchema()
        switch object["features"] {
        case nil, .null?: break
        case .object(let features)?:
            for (name, type) in features {
                guard case .string(let typeName) = type, let parsed = FeatureType(rawValue: typeName) else {
                    throw Invalid(field: "features.\(name)", error: "must be \"numeric\" or \"categorical\"")
                }
                schema.features[name] = parsed
            }
        case let other?:
            throw Invalid(field: "features", error: "must be an object of name → type, got \(other.typeName)")
        }
        switch object["segments"] {
        case nil, .null?: break
        case .array(let keys)?:
            for (position, key) in keys.enumerated() {
                guard case .string(let name) = key, !name.isEmpty else {
                    throw Invalid(field: "segments[\(position)]", error: "must be a non-empty string")
                }
                schema.segments.insert(name)
            }
        case let other?: throw Invalid(field: "segments", error: "must be an array of strings, got \(other.typeName)")
        }
        var description: String?
        switch object["description"] {
        case nil, .null?: break
        case .string(let text)?: description = text
        case let other?: throw Invalid(field: "description", error: "must be a string, got \(other.typeName)")
        }
        return ModelDefinition(
            id: id, task: task, schema: schema, origin: .declared, description: description, createdAt: now)
    }

    /// The JSON form of a model, as the API answers it.
    static func json(_ model: ModelDefinition) -> [String: Any] {
        var object: [String: Any] = [
            "id": model.id,
            "task": model.task.rawValue,
            "origin": model.origin.rawValue,
            "features": model.schema.features.mapValues(\.rawValue),
            "segments": model.schema.segments.sorted(),
            "created_at": Timestamps.format(model.createdAt),
            "updated_at": Timestamps.format(model.updatedAt),
        ]
        object["description"] = model.description ?? NSNull()
        return object
    }
}
