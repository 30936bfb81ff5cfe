import ArgumentParser
import DriftStats
import DriftWatchCore
import Foundation

/// `driftwatch perf`: model-performance metrics of labelled predictions, as a CI gate.
struct PerfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perf",
        abstract: "Compute model-performance metrics from a CSV file of predictions and labels.",
        discussion: """
            Rows with a missing label or prediction are skipped and counted.
            binary: labels equal to --positive (default 1 or true) are the positive class; --proba names the
            positive-class probability column. multiclass: --proba-prefix P reads columns P<class>.
            Exit status: 0 when every --min/--max gate holds, 1 when one fails, 2 on bad input.
            """
    )

    @Option(help: "binary, multiclass or regression.")
    var task: PerformanceTask

    @Option(help: "The input CSV file, or - for standard input.")
    var input: String = "-"

    @Option(name: .customLong("y-true"), help: "The column of true labels or values.")
    var yTrue: String = "y_true"

    @Option(name: .customLong("y-pred"), help: "The column of predicted labels or values.")
    var yPred: String = "y_pred"

    @Option(help: "binary: the column of positive-class probabilities (default y_proba when present).")
    var proba: String?

    @Option(help: "multiclass: the prefix of per-class probability columns (default proba_ when present).")
    var probaPrefix: String?

    @Option(help: "binary: the positive label (default: 1, or true).")
    var positive: String?

    @Option(help: "Equal-width bins of the expected calibration error.")
    var bins: Int = 10

    @Option(help: "A gate NAME=VALUE: fail (exit 1) when the metric is below VALUE (repeatable).")
    var min: [String] = []

    @Option(help: "A gate NAME=VALUE: fail (exit 1) when the metric is above VALUE (repeatable).")
    var max: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard bins > 0 else { throw ValidationError("--bins must be at least 1") }
        _ = try gates()
    }

    func run() throws {
        let report: PerformanceReport
        do {
            let table = try CSVTable.read(input)
            report = try PerformanceReport.compute(task: task, table: table, options: options(table))
        } catch {
            throw badInput("\(error)")
        }
        let failures = try gates().compactMap { $0.failure(in: report) }
        print(format == .json ? report.json(gateFailures: failures) : report.text(gateFailures: failures))
        if !failures.isEmpty { throw ExitCode(1) }
    }

    private func options(_ table: CSVTable) -> PerformanceReport.Options {
        PerformanceReport.Options(
            yTrue: yTrue, yPred: yPred,
            proba: proba ?? (table.columnIndex("y_proba") != nil ? "y_proba" : nil),
            probaPrefix: probaPrefix ?? (table.header.contains { $0.hasPrefix("proba_") } ? "proba_" : nil),
            positive: positive, bins: bins)
    }

    private func gates() throws -> [MetricGate] {
        try min.map { try MetricGate($0, kind: .minimum) } + max.map { try MetricGate($0, kind: .maximum) }
    }
}

extension PerformanceTask: ExpressibleByArgument {}

/// A bound on one metric, such as `accuracy ≥ 0.9`.
struct MetricGate {
    enum Kind { case minimum, maximum }

    var metric: String
    var bound: Double
    var kind: Kind

    init(_ text: String, kind: Kind) throws {
        let option = kind == .minimum ? "--min" : "--max"
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, let bound = Double(parts[1]), bound.isFinite else {
            throw ValidationError("\(option) \"\(text)\": expected NAME=VALUE with a number")
        }
        self.metric = parts[0]
        self.bound = bound
        self.kind = kind
    }

    /// Why the gate fails on `report`, or nil when it holds.
    func failure(in report: PerformanceReport) -> String? {
        guard let entry = report.metrics.first(where: { $0.name == metric }) else {
            return "\(metric): no such metric for this task"
        }
        guard let value = entry.value else { return "\(metric): undefined (\(entry.reason ?? "no value"))" }
        switch kind {
        case .minimum where value < bound: return "\(metric) = \(value) is below \(bound)"
        case .maximum where value > bound: return "\(metric) = \(value) is above \(bound)"
        default: return nil
        }
    }
}
