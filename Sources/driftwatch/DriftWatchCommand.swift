import ArgumentParser

/// The `driftwatch` command line.
struct DriftWatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "driftwatch",
        abstract: "ML observability: data drift, concept drift, performance and data quality.",
        subcommands: [
            DriftCommand.self, DetectCommand.self, PerfCommand.self, ServeCommand.self, MigrateCommand.self,
            CheckConfigCommand.self, ReferenceCommand.self, RebuildCommand.self, AlertsCommand.self, DemoCommand.self,
            SimulateCommand.self, ReportCommand.self,
        ]
    )
}
