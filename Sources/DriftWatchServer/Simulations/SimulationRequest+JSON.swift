import DriftWatchCore
import DriftWatchSimulation
import Foundation

extension SimulationRequest {
    /// The body's keys, as spelled in JSON.
    static let fields = ["model", "scenario", "rate", "duration_seconds", "seed", "time_scale"]

    /// Reads a request from a parsed body, naming the field at fault in any error.
    ///
    /// - Parameter defaultScenario: the scenario of `POST /simulate/{scenario}`: `scenario` may
    ///   then be left out or give no `type`, and a `type` it gives must agree.
    static func parse(_ body: JSONValue, defaultScenario: ScenarioKind? = nil) throws(SimulationConfigurationError)
        -> SimulationRequest
    {
        guard case .object(let object) = body else {
            throw SimulationConfigurationError(field: "", message: "expected a JSON object, got \(body.typeName)")
        }
        if let unknown = object.keys.sorted().first(where: { !fields.contains($0) }) {
            throw SimulationConfigurationError(
                field: unknown, message: "unknown field; expected one of \(fields.joined(separator: ", "))")
        }
        var request = SimulationRequest(
            scenario: try scenario(object["scenario"], defaultScenario: defaultScenario))
        if let name = try string(object, "model") {
            guard let kind = DemoModelKind(rawValue: name) else {
                let known = DemoModelKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw SimulationConfigurationError(
                    field: "model", message: "unknown demo model '\(name)'; expected one of \(known)")
            }
            request.model = kind
        }
        if let rate = try number(object, "rate") { request.rate = rate }
        if let duration = try number(object, "duration_seconds") { request.durationSeconds = duration }
        if let scale = try number(object, "time_scale") { request.timeScale = scale }
        if let seed = try number(object, "seed") {
            guard seed >= 0, seed <= 9_007_199_254_740_992, seed.rounded() == seed else {
                throw SimulationConfigurationError(field: "seed", message: "expected a non-negative integer")
            }
            request.seed = UInt64(seed)
        }
        try request.validate()
        return request
    }

    private static func scenario(_ value: JSONValue?, defaultScenario: ScenarioKind?)
        throws(SimulationConfigurationError) -> ScenarioConfiguration
    {
        var members: [String: JSONValue]
        switch value {
        case nil, .null?:
            guard let defaultScenario else {
                throw SimulationConfigurationError(
                    field: "scenario", message: "is required: an object such as {\"type\": \"sudden_drift\"}")
            }
            return ScenarioConfiguration(type: defaultScenario)
        case .object(let object)?: members = object
        case let other?:
            throw SimulationConfigurationError(field: "scenario", message: "expected an object, got \(other.typeName)")
        }
        if let defaultScenario {
            switch members["type"] {
            case nil, .null?: members["type"] = .string(defaultScenario.rawValue)
            case .string(defaultScenario.rawValue)?: break
            default:
                throw SimulationConfigurationError(
                    field: "scenario.type", message: "must be \(defaultScenario.rawValue), the scenario in the path")
            }
        }
        var writer = JSONWriter()
        writer.value(.object(members))
        do {
            return try JSONDecoder().decode(ScenarioConfiguration.self, from: Data(writer.bytes))
        } catch let error as SimulationConfigurationError {
            throw SimulationConfigurationError(field: "scenario.\(error.field)", message: error.message)
        } catch {
            throw SimulationConfigurationError(field: "scenario", message: "cannot be read: \(error)")
        }
    }

    private static func string(_ object: [String: JSONValue], _ field: String) throws(SimulationConfigurationError)
        -> String?
    {
        switch object[field] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?:
            throw SimulationConfigurationError(field: field, message: "expected a string, got \(other.typeName)")
        }
    }

    private static func number(_ object: [String: JSONValue], _ field: String) throws(SimulationConfigurationError)
        -> Double?
    {
        switch object[field] {
        case nil, .null?: return nil
        case .number(let value)?: return value
        case let other?:
            throw SimulationConfigurationError(field: field, message: "expected a number, got \(other.typeName)")
        }
    }
}
