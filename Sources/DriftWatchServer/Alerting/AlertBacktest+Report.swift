import DriftWatchAlerting
import DriftWatchCore
import Foundation
import Yams

extension DriftWatchServer {
    /// Why a backtest could not run.
    public struct BacktestFailure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Backtests a rule, written in YAML or JSON as in the config's `alerting.rules`, on the
    /// store's monitor results between `from` and `to`, evaluating every `step` (`5m`); the
    /// report is text for people or JSON.
    public static func backtest(
        rule text: String, store: any EventStore, from: Date, to: Date, step: String, json: Bool
    ) async throws -> String {
        guard from < to else { throw BacktestFailure(description: "--from must be before --to") }
        let duration: AlertDuration
        do {
            duration = try AlertDuration(parsing: step)
        } catch {
            throw BacktestFailure(description: "--step: \(error)")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw BacktestFailure(description: "the rule file is not YAML or JSON: \(error)")
        }
        guard let node else { throw BacktestFailure(description: "the rule file is empty") }
        var writer = JSONWriter()
        writer.value(ConfigReader.json(node))
        let rule: AlertRule
        do {
            rule = try AlertJSON.decode(AlertRule.self, from: writer.bytes)
        } catch let error as DecodingError {
            throw BacktestFailure(description: "rule: \(AlertConfigurationProblem(error))")
        }
        if let problem = rule.validate().first { throw BacktestFailure(description: "rule: \(problem)") }
        let report = try await AlertBacktest.run(rule, store: store, from: from, to: to, step: duration)
        if json { return try AlertJSON.encode(report) }
        var lines = [
            "rule \(rule.id): \(report.evaluations) evaluations from \(Timestamps.format(from)) to \(Timestamps.format(to))",
            "fired \(report.intervals.count) time(s), \(Int(report.firingDuration / 60)) minutes in all; "
                + "\(report.pendingWithoutFiring) alert(s) went pending without firing",
        ]
        for interval in report.intervals {
            let labels = interval.labels.sorted.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            let resolved = interval.resolvedAt.map(Timestamps.format) ?? "still firing"
            let peak = interval.peakValue.map { String(format: "%.4g", $0) } ?? "-"
            lines.append(
                "  fired \(Timestamps.format(interval.firedAt))  resolved \(resolved)  peak \(peak)  \(labels)")
        }
        return lines.joined(separator: "\n")
    }
}
