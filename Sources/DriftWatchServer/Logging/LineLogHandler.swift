import DriftWatchCore
import Foundation
import Logging

/// Writes one line per log event to standard error: readable text, or a JSON object per line
/// for log pipelines (`logging.format: json`).
///
/// swift-log ships only an unstructured stream handler; this adds the JSON form with the
/// metadata as fields (`{"ts":…,"level":"info","label":"driftwatch","message":…,"port":8000}`).
public struct LineLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let format: ServerConfiguration.LogSettings.Format

    /// A handler for `label` with the given settings.
    public init(label: String, settings: ServerConfiguration.LogSettings) {
        self.label = label
        self.logLevel = settings.level
        self.format = settings.format
    }

    /// Makes every logger of the process use this handler with `settings`.
    public static func bootstrap(_ settings: ServerConfiguration.LogSettings) {
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, settings: settings) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { $1 } }
        if let own = event.metadata { fields.merge(own) { $1 } }
        if let error = event.error { fields["error"] = "\(error)" }
        let line = Self.line(
            format: format, time: Date(), level: event.level, label: label, message: event.message.description,
            metadata: fields)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// One formatted line, ending with a newline.
    public static func line(
        format: ServerConfiguration.LogSettings.Format, time: Date, level: Logger.Level, label: String,
        message: String, metadata: Logger.Metadata
    ) -> String {
        let timestamp = Timestamps.format(time)
        switch format {
        case .text:
            let fields = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.text($0.value))" }
            return ([timestamp, level.rawValue, "\(label):", message] + fields).joined(separator: " ") + "\n"
        case .json:
            var members: [String: JSONValue] = metadata.mapValues(Self.json)
            members["ts"] = .string(timestamp)
            members["level"] = .string(level.rawValue)
            members["label"] = .string(label)
            members["message"] = .string(message)
            var writer = JSONWriter()
            writer.value(.object(members))
            return writer.text + "\n"
        }
    }

    private static func text(_ value: Logger.Metadata.Value) -> String {
        let plain = value.description
        return plain.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" })
            ? "\"\(plain.replacingOccurrences(of: "\"", with: "\\\""))\"" : plain
    }

    private static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .stringConvertible(let item): .string(item.description)
        case .array(let items): .array(items.map(json))
        case .dictionary(let members): .object(members.mapValues(json))
        }
    }
}
