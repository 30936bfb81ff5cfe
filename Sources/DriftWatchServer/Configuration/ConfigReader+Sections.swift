import DriftWatchCore
import Foundation
import Logging
import Yams

extension ConfigReader {
    mutating func server(_ node: Node, _ configuration: inout ServerConfiguration) {
        mapping(node, "server", keys: ["host", "port"]) { reader, key, value in
            switch key {
            case "host": configuration.host = reader.string(value, "server.host") ?? configuration.host
            default: configuration.port = reader.integer(value, "server.port", in: 0...65535) ?? configuration.port
            }
        }
    }

    mutating func storage(_ node: Node, _ storage: inout ServerConfiguration.Storage) {
        mapping(node, "storage", keys: ["backend", "data_dir"]) { reader, key, value in
            switch key {
            case "backend":
                storage.backend =
                    reader.choice(value, "storage.backend", ServerConfiguration.Storage.Backend.self) ?? storage.backend
            default: storage.dataDirectory = reader.string(value, "storage.data_dir") ?? storage.dataDirectory
            }
        }
    }

    mutating func limits(_ node: Node, _ limits: inout IngestLimits) {
        let keys = [
            "max_body_bytes", "max_row_bytes", "max_depth", "max_features", "max_string_length",
            "max_pending_events", "max_events_per_commit", "max_reported_rejections",
        ]
        mapping(node, "limits", keys: keys) { reader, key, value in
            let path = "limits.\(key)"
            switch key {
            case "max_body_bytes": limits.maxBodyBytes = reader.byteSize(value, path) ?? limits.maxBodyBytes
            case "max_row_bytes": limits.maxRowBytes = reader.byteSize(value, path) ?? limits.maxRowBytes
            case "max_depth": limits.maxDepth = reader.integer(value, path, in: 2...512) ?? limits.maxDepth
            case "max_features":
                limits.maxFeatures = reader.integer(value, path, in: 1...1_000_000) ?? limits.maxFeatures
            case "max_string_length":
                limits.maxStringLength = reader.integer(value, path, in: 1...(1 << 30)) ?? limits.maxStringLength
            case "max_pending_events":
                limits.maxPendingEvents = reader.integer(value, path, in: 1...(1 << 40)) ?? limits.maxPendingEvents
            case "max_events_per_commit":
                limits.maxEventsPerCommit =
                    reader.integer(value, path, in: 1...1_000_000) ?? limits.maxEventsPerCommit
            default:
                limits.maxReportedRejections =
                    reader.integer(value, path, in: 0...1_000_000) ?? limits.maxReportedRejections
            }
        }
        if limits.maxRowBytes > limits.maxBodyBytes {
            fail(node, "limits.max_row_bytes", "must not be larger than limits.max_body_bytes")
        }
    }

    mutating func logging(_ node: Node, _ logging: inout ServerConfiguration.LogSettings) {
        mapping(node, "logging", keys: ["level", "format"]) { reader, key, value in
            switch key {
            case "level": logging.level = reader.choice(value, "logging.level", Logger.Level.self) ?? logging.level
            default:
                logging.format =
                    reader.choice(value, "logging.format", ServerConfiguration.LogSettings.Format.self)
                    ?? logging.format
            }
        }
    }

    mutating func monitoring(_ node: Node, _ monitoring: inout ServerConfiguration.Monitoring) {
        mapping(node, "monitoring", keys: ["enabled", "interval", "window", "rolling_reference"]) {
            reader, key, value in
            switch key {
            case "enabled":
                if let flag = value.bool {
                    monitoring.enabled = flag
                } else {
                    reader.fail(value, "monitoring.enabled", "must be true or false")
                }
            case "interval": monitoring.interval = reader.duration(value, "monitoring.interval") ?? monitoring.interval
            case "rolling_reference":
                monitoring.rollingReference = reader.duration(value, "monitoring.rolling_reference")
            default: monitoring.window = reader.duration(value, "monitoring.window") ?? monitoring.window
            }
        }
    }

    mutating func profiling(_ node: Node, _ profiling: inout ServerConfiguration.Profiling) {
        mapping(node, "profiling", keys: ["interval", "batch_size", "max_batch_size", "recent_events"]) {
            reader, key, value in
            switch key {
            case "interval": profiling.interval = reader.duration(value, "profiling.interval") ?? profiling.interval
            case "max_batch_size":
                profiling.maxBatchSize =
                    reader.integer(value, "profiling.max_batch_size", in: 1...10_000_000) ?? profiling.maxBatchSize
            case "recent_events":
                profiling.recentEvents =
                    reader.integer(value, "profiling.recent_events", in: 0...10_000_000) ?? profiling.recentEvents
            default:
                profiling.batchSize =
                    reader.integer(value, "profiling.batch_size", in: 1...1_000_000) ?? profiling.batchSize
            }
        }
    }

    mutating func retention(_ node: Node, _ retention: inout ServerConfiguration.Retention) {
        let keys = [
            "events", "minute_profiles", "ten_minute_profiles", "hour_profiles", "day_profiles", "batch_size",
            "interval",
        ]
        mapping(node, "retention", keys: keys) { reader, key, value in
            let path = "retention.\(key)"
            switch key {
            case "events": retention.events = reader.keepFor(value, path) ?? retention.events
            case "minute_profiles": retention.minuteProfiles = reader.keepFor(value, path) ?? retention.minuteProfiles
            case "ten_minute_profiles":
                retention.tenMinuteProfiles = reader.keepFor(value, path) ?? retention.tenMinuteProfiles
            case "hour_profiles": retention.hourProfiles = reader.keepFor(value, path) ?? retention.hourProfiles
            case "day_profiles": retention.dayProfiles = reader.keepFor(value, path) ?? retention.dayProfiles
            case "batch_size":
                retention.batchSize = reader.integer(value, path, in: 1...1_000_000) ?? retention.batchSize
            default: retention.interval = reader.duration(value, path) ?? retention.interval
            }
        }
    }

    /// A retention period: a duration, or `0` / `forever` to keep data forever.
    mutating func keepFor(_ node: Node, _ path: String) -> TimeInterval? {
        if let text = node.string, text == "0" || text == "forever" { return 0 }
        return duration(node, path)
    }

    /// A duration: `90s`, `5m`, `2h`, `7d`.
    mutating func duration(_ node: Node, _ path: String) -> TimeInterval? {
        guard let text = node.string, let seconds = TimeWindow.duration(text) else {
            fail(node, path, "must be a duration such as 30s, 5m, 2h or 7d")
            return nil
        }
        return seconds
    }

    /// `models:`, a sequence of declarations in the form `POST /v1/models` takes.
    mutating func models(_ node: Node) -> [ModelDefinition] {
        guard let sequence = node.sequence else {
            fail(node, "models", "must be a list of model declarations")
            return []
        }
        var models: [ModelDefinition] = []
        var ids: Set<String> = []
        for (position, item) in sequence.enumerated() {
            let path = "models[\(position)]"
            if let id = item.mapping?["id"]?.string, !ids.insert(id).inserted {
                fail(item, "\(path).id", "model \(id) is declared twice")
                continue
            }
            do throws(ModelDeclaration.Invalid) {
                models.append(try ModelDeclaration.parse(Self.json(item), now: Date()))
            } catch {
                let field = error.field.isEmpty ? path : "\(path).\(error.field)"
                fail(Self.node(at: error.field, in: item) ?? item, field, error.error)
            }
        }
        return models
    }

    /// A YAML node as the JSON value it spells, with YAML's scalar resolution (`3` is a number,
    /// `true` a boolean, `~` null).
    static func json(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if node.null != nil { return .null }
                if let flag = node.bool { return .bool(flag) }
                if let number = node.int { return .number(Double(number)) }
                if let number = node.float { return .number(number) }
            }
            return .string(scalar.string)
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping { object[key.string ?? ""] = json(value) }
            return .object(object)
        case .sequence(let sequence):
            return .array(sequence.map(json))
        case .alias:
            return .null
        }
    }

    /// The node a dotted field path (`features.age`) points at, for its position.
    static func node(at field: String, in root: Node) -> Node? {
        var node: Node? = root
        for part in field.split(separator: ".") {
            let name = String(part.prefix { $0 != "[" })
            node = node?.mapping?[name]
        }
        return node
    }
}
