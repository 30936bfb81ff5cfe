import ArgumentParser
import DriftWatchSQLite
import DriftWatchServer
import Foundation

/// `driftwatch alerts backtest`: when a rule would have fired on the stored history.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Work with alert rules.",
        subcommands: [Backtest.self]
    )

    struct Backtest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate a rule against the stored monitor results and report when it would have fired.",
            discussion: """
                The rule file holds one rule in YAML or JSON, as in the config's alerting.rules. Tune a \
                threshold here before it pages anyone. Exit status 2 for a bad rule or time.
                """
        )

        @Option(help: "The rule file (YAML or JSON).")
        var rule: String

        @Option(help: "Start of the period (RFC 3339).")
        var from: String

        @Option(help: "End of the period (RFC 3339).")
        var to: String

        @Option(help: "Time between evaluations, as the scheduler's interval (30s, 5m, 1h).")
        var step: String = "1m"

        @Option(help: "The folder of the SQLite database.")
        var dataDir: String = "./driftwatch-data"

        @Option(help: "Output: text or json.")
        var format: String = "text"

        func run() async throws {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            func date(_ text: String, _ flag: String) throws -> Date {
                guard let date = formatter.date(from: text) ?? fractional.date(from: text) else {
                    throw badInput("\(flag): \"\(text)\" is not an RFC 3339 time such as 2026-11-22T00:00:00Z")
                }
                return date
            }
            guard format == "text" || format == "json" else { throw badInput("--format must be text or json") }
            let start = try date(from, "--from")
            let end = try date(to, "--to")
            guard let text = try? String(contentsOfFile: rule, encoding: .utf8) else {
                throw badInput("cannot read the rule file \(rule)")
            }
            guard FileManager.default.fileExists(atPath: dataDir + "/driftwatch.sqlite") else {
                throw badInput("no database in \(dataDir)")
            }
            do {
                let store = try SQLiteEventStore(path: dataDir + "/driftwatch.sqlite")
                try await store.migrate()
                print(
                    try await DriftWatchServer.backtest(
                        rule: text, store: store, from: start, to: end, step: step, json: format == "json"))
            } catch let failure as DriftWatchServer.BacktestFailure {
                throw badInput(failure.description)
            }
        }
    }
}
