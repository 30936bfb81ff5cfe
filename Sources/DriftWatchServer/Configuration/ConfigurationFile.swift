import DriftWatchCore
import Foundation
import Logging
import Yams

/// A problem in a config file, with where it is.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or `<text>`).
    public var source: String
    /// 1-based line and column, when known.
    public var line: Int?
    public var column: Int?
    /// The setting's path (`limits.max_body_bytes`, `models[1].features.age`).
    public var path: String
    /// What is wrong.
    public var message: String

    public var description: String {
        let place = line.map { "\(source):\($0):\(column ?? 1)" } ?? source
        return path.isEmpty ? "\(place): \(message)" : "\(place): \(path): \(message)"
    }
}

/// Every problem found in a config file (all of them, not just the first).
public struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var errors: [ConfigurationError]

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension ServerConfiguration {
    /// Reads a YAML config file.
    public static func load(path: String) throws(ConfigurationErrors) -> ServerConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationErrors(errors: [
                ConfigurationError(
                    source: path, path: "", message: "cannot read the file (\(error.localizedDescription))")
            ])
        }
        return try parse(yaml: text, source: path)
    }

    /// Reads YAML config text; `source` names it in errors. Unknown keys are errors, so that a
    /// misspelt setting is not silently ignored.
    public static func parse(yaml: String, source: String = "<text>") throws(ConfigurationErrors)
        -> ServerConfiguration
    {
        var reader = ConfigReader(source: source)
        var configuration = ServerConfiguration()
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ConfigurationErrors(errors: [reader.syntaxError(error)])
        }
        guard let root else { return configuration }  // an empty file: all defaults
        reader.mapping(
            root, "",
            keys: [
                "server", "storage", "limits", "logging", "monitoring", "profiling", "retention", "alerting", "models",
            ]
        ) {
            reader, key, node in
            switch key {
            case "server": reader.server(node, &configuration)
            case "storage": reader.storage(node, &configuration.storage)
            case "limits": reader.limits(node, &configuration.limits)
            case "logging": reader.logging(node, &configuration.logging)
            case "monitoring": reader.monitoring(node, &configuration.monitoring)
            case "profiling": reader.profiling(node, &configuration.profiling)
            case "retention": reader.retention(node, &configuration.retention)
            case "alerting": reader.alerting(node, &configuration.alerting)
            default: configuration.models = reader.models(node)
            }
        }
        if !reader.errors.isEmpty { throw ConfigurationErrors(errors: reader.errors) }
        return configuration
    }
}

/// Walks the YAML tree, converting settings and collecting every error with its position.
struct ConfigReader {
    let source: String
    var errors: [ConfigurationError] = []

    init(source: String) {
        self.source = source
    }

    mutating func fail(_ node: Node?, _ path: String, _ message: String) {
        errors.append(
            ConfigurationError(
                source: source, line: node?.mark?.line, column: node?.mark?.column, path: path, message: message))
    }

    func syntaxError(_ error: any Error) -> ConfigurationError {
        if let yamlError = error as? YamlError, case .parser(_, let problem, let mark, _) = yamlError {
            return ConfigurationError(
                source: source, line: mark.line, column: mark.column, path: "", message: "not valid YAML: \(problem)")
        }
        if let yamlError = error as? YamlError, case .scanner(_, let problem, let mark, _) = yamlError {
            return ConfigurationError(
                source: source, line: mark.line, column: mark.column, path: "", message: "not valid YAML: \(problem)")
        }
        return ConfigurationError(source: source, path: "", message: "not valid YAML: \(error)")
    }

    /// Visits each key of a mapping; unknown and repeated keys are errors.
    mutating func mapping(
        _ node: Node, _ path: String, keys: [String], _ visit: (inout ConfigReader, String, Node) -> Void
    ) {
        guard let mapping = node.mapping else {
            fail(node, path, "must be a mapping of \(keys.joined(separator: ", "))")
            return
        }
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            guard keys.contains(key) else {
                let hint = Self.closest(to: key, in: keys).map { " (did you mean \($0)?)" } ?? ""
                fail(keyNode, keyPath, "unknown setting\(hint); expected one of \(keys.joined(separator: ", "))")
                continue
            }
            guard seen.insert(key).inserted else {
                fail(keyNode, keyPath, "is set twice")
                continue
            }
            visit(&self, key, value)
        }
    }

    mutating func string(_ node: Node, _ path: String) -> String? {
        guard let scalar = node.scalar, !scalar.string.isEmpty else {
            fail(node, path, "must be a non-empty string")
            return nil
        }
        return scalar.string
    }

    mutating func integer(_ node: Node, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = node.int else {
            fail(node, path, "must be an integer")
            return nil
        }
        guard range.contains(value) else {
            fail(node, path, "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
            return nil
        }
        return value
    }

    /// A size in bytes: an integer, or a number with a unit (`64MiB`, `512 KiB`, `1GB`).
    mutating func byteSize(_ node: Node, _ path: String) -> Int? {
        if let value = node.int {
            guard value > 0 else {
                fail(node, path, "must be positive")
                return nil
            }
            return value
        }
        let text = (node.string ?? "").replacingOccurrences(of: " ", with: "")
        let units: [(String, Int)] = [
            ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("KB", 1000), ("MB", 1_000_000),
            ("GB", 1_000_000_000), ("B", 1),
        ]
        for (unit, factor) in units where text.hasSuffix(unit) {
            if let number = Double(text.dropLast(unit.count)), number > 0, number * Double(factor) < 1e15 {
                return Int(number * Double(factor))
            }
        }
        fail(node, path, "must be a size in bytes, such as 1048576, 512KiB, 64MiB or 1GiB")
        return nil
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ path: String, _: T.Type) -> T?
    where T.RawValue == String {
        guard let text = node.string, let value = T(rawValue: text) else {
            fail(node, path, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }

    /// The closest key by edit distance, when it is close enough to be a likely typo.
    static func closest(to key: String, in keys: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var previous = Array(0...b.count)
            for (i, x) in a.enumerated() {
                var current = [i + 1]
                for (j, y) in b.enumerated() {
                    current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
                }
                previous = current
            }
            return previous[b.count]
        }
        let scored = keys.map { ($0, distance(Array(key), Array($0))) }.min { $0.1 < $1.1 }
        guard let (best, score) = scored, score <= max(2, key.count / 3) else { return nil }
        return best
    }
}
