import ArgumentParser
import DriftStats
import DriftWatchCore
import Foundation

/// `driftwatch detect`: run a streaming drift detector over a column of numbers.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Run a streaming concept-drift detector over one column of numbers.",
        discussion: """
            Reads one number per row: a CSV column (--column), or bare numbers one per line.
            Missing values are skipped; reported indices are 0-based data rows of the input.
            Binary detectors (ddm, eddm, hddm_a, hddm_w, fhddm) take 0 (correct) and 1 (error).
            Exit status: 0 when no drift is detected, 1 when a drift is detected, 2 on bad input.
            Run `driftwatch detect --list` for every detector and its parameters.
            """
    )

    @Option(help: "The detector: \(DriftDetectors.names.joined(separator: ", ")).")
    var detector: String?

    @Option(name: .customLong("param"), help: "A detector parameter NAME=VALUE, under River's names (repeatable).")
    var parameters: [String] = []

    @Option(help: "The input file, or - for standard input.")
    var input: String = "-"

    @Option(help: "The CSV column to read; not needed for a one-column file.")
    var column: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "List the detectors with their parameters and defaults.")
    var list = false

    func run() throws {
        if list {
            print(Self.listing())
            return
        }
        guard let detector else { throw ValidationError("--detector is required (or --list)") }
        guard let type = DriftDetectors.type(named: detector) else {
            throw ValidationError(
                "--detector: unknown detector \"\(detector)\"; known: \(DriftDetectors.names.joined(separator: ", "))")
        }
        var given: [String: String] = [:]
        for item in parameters {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--param \"\(item)\": expected NAME=VALUE")
            }
            given[parts[0]] = parts[1]
        }
        var instance: any DriftDetector
        do {
            instance = try DriftDetectors.make(detector, parameters: given)
        } catch {
            throw badInput("\(error)")
        }
        let values: [Double]
        do {
            values = try CSVTable.read(input).numericColumn(column)
        } catch {
            throw badInput("\(error)")
        }
        if type.isBinary, let index = values.firstIndex(where: { $0.isFinite && $0 != 0 && $0 != 1 }) {
            throw badInput("\(input): data row \(index + 1): \(detector) takes 0 or 1, got \(values[index])")
        }
        let run = DetectorRun(detector: &instance, values: values)
        let effective = Self.effectiveParameters(type, given)
        if format == .json {
            print(run.json(detector: detector, parameters: effective, hasWarnings: type.hasWarnings))
        } else {
            print(run.text(detector: detector, parameters: effective, hasWarnings: type.hasWarnings))
        }
        if !run.detections.isEmpty { throw ExitCode(1) }
    }

    /// Every parameter of the detector with the value in force: given, or the default.
    private static func effectiveParameters(_ type: any DriftDetector.Type, _ given: [String: String])
        -> [(name: String, value: String)]
    {
        type.parameters.map { ($0.name, given[$0.name] ?? $0.defaultValue) }
    }

    private static func listing() -> String {
        DriftDetectors.all.map { type in
            let kind = type.isBinary ? "0/1 errors" : "real values"
            let warnings = type.hasWarnings ? ", warnings" : ""
            let parameters = type.parameters.map { "    \($0.name)=\($0.defaultValue)  \($0.summary) (\($0.expected))" }
            return (["\(type.name) (\(kind)\(warnings))"] + parameters).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
