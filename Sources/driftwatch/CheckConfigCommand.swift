import ArgumentParser
import DriftWatchServer
import Foundation

/// `driftwatch check-config FILE`: validates a config file without starting anything.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a YAML config file.",
        discussion: """
            Prints every problem with its line, column and setting, and exits 2; \
            prints a summary and exits 0 when the file is valid.
            """
    )

    @Argument(help: "The config file.")
    var file: String

    func run() throws {
        let settings: ServerConfiguration
        do {
            settings = try ServerConfiguration.load(path: file)
        } catch {
            throw badInput("\(error.errors.count) problem\(error.errors.count == 1 ? "" : "s") in \(file):\n\(error)")
        }
        let limits = settings.limits
        print(
            """
            \(file): valid
              listen     \(settings.host):\(settings.port)
              storage    \(settings.storage.backend.rawValue) in \(settings.storage.dataDirectory)
              limits     body \(limits.maxBodyBytes) B, row \(limits.maxRowBytes) B, \(limits.maxFeatures) features, \
            queue \(limits.maxPendingEvents) events, \(limits.maxEventsPerCommit) events per commit
              logging    \(settings.logging.level.rawValue), \(settings.logging.format.rawValue)
              models     \(settings.models.isEmpty ? "none declared" : settings.models.map(\.id).joined(separator: ", "))
            """)
    }
}
