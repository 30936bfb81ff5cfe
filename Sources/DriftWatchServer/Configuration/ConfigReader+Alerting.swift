import DriftWatchAlerting
import DriftWatchCore
import Foundation
import Yams

extension ConfigReader {
    mutating func alerting(_ node: Node, _ alerting: inout ServerConfiguration.Alerting) {
        var routing: [String: JSONValue] = [:]
        let keys = [
            "enabled", "default_rules", "rules", "route", "receivers", "inhibit_rules", "external_url",
            "notify_interval",
        ]
        mapping(node, "alerting", keys: keys) { reader, key, value in
            let path = "alerting.\(key)"
            switch key {
            case "enabled", "default_rules":
                guard let flag = value.bool else { return reader.fail(value, path, "must be true or false") }
                if key == "enabled" { alerting.enabled = flag } else { alerting.defaultRules = flag }
            case "rules":
                guard let rules = reader.decode([AlertRule].self, from: value, path) else { return }
                var problems: [AlertConfigurationProblem] = []
                for (index, rule) in rules.enumerated() {
                    problems += rule.validate().map { $0.nested(under: "rules[\(index)]") }
                }
                for problem in problems { reader.fail(value, "alerting.\(problem.field)", problem.message) }
                if problems.isEmpty { alerting.rules = rules }
            case "external_url": alerting.externalURL = reader.string(value, path)
            case "notify_interval": alerting.notifyInterval = reader.duration(value, path) ?? alerting.notifyInterval
            default: routing[key] = Self.json(value)
            }
        }
        guard !routing.isEmpty else { return }
        if routing["route"] == nil {
            // One receiver and no route: everything goes to it.
            if case .array(let receivers)? = routing["receivers"], receivers.count == 1,
                case .object(let receiver) = receivers[0], let name = receiver["name"]
            {
                routing["route"] = .object(["receiver": name])
            }
        }
        guard
            let configuration = decode(
                AlertRoutingConfiguration.self, from: .object(routing), at: node, "alerting")
        else { return }
        let problems = configuration.validate()
        for problem in problems { fail(node, "alerting.\(problem.field)", problem.message) }
        if problems.isEmpty { alerting.routing = configuration }
    }

    /// Decodes a YAML node through its JSON form with the alerting module's `Codable` types,
    /// reporting a decoding error at the node with its field path.
    mutating func decode<T: Decodable>(_ type: T.Type, from node: Node, _ path: String) -> T? {
        decode(type, from: Self.json(node), at: node, path)
    }

    private mutating func decode<T: Decodable>(_ type: T.Type, from json: JSONValue, at node: Node, _ path: String)
        -> T?
    {
        var writer = JSONWriter()
        writer.value(json)
        do {
            return try JSONDecoder().decode(type, from: Data(writer.bytes))
        } catch let error as DecodingError {
            let problem = AlertConfigurationProblem(error)
            fail(node, problem.field.isEmpty ? path : "\(path).\(problem.field)", problem.message)
        } catch {
            fail(node, path, "\(error)")
        }
        return nil
    }
}
