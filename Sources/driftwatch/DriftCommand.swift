import ArgumentParser
import DriftStats
import DriftWatchCore
import Foundation

/// `driftwatch drift`: compare two CSV files column by column, as a CI gate.
struct DriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Compare a current CSV file with a reference CSV file for data drift.",
        discussion: """
            Exit status: 0 when no dataset drift, 1 when dataset drift is detected, 2 on bad input.
            Methods: \(DriftMethod.allCases.map(\.rawValue).joined(separator: ", ")).
            """
    )

    @Option(help: "The reference (baseline) CSV file, with a header row.")
    var reference: String

    @Option(help: "The current CSV file to compare with the reference.")
    var current: String

    @Option(help: "Columns to treat as categorical even if numeric (comma-separated, repeatable).")
    var categorical: [String] = []

    @Option(help: "auto, or method names (comma-separated); each applies to the columns it accepts.")
    var method: String = "auto"

    @Option(help: "A threshold override NAME=VALUE (repeatable); a p-value level for tests, a distance otherwise.")
    var threshold: [String] = []

    @Option(help: "The share of drifted columns at which the dataset counts as drifted.")
    var datasetDriftShare: Double = 0.5

    @Option(help: "p-value adjustment across columns: bh (Benjamini–Hochberg) or none.")
    var correction: PValueCorrection = .benjaminiHochberg

    @Option(help: "Permutations for the mmd p-value.")
    var mmdPermutations: Int = 100

    @Option(help: "Largest sample per side for mmd; larger samples are subsampled.")
    var mmdMaxSample: Int = 1000

    @Option(help: "Seed for every random choice (mmd permutations and subsamples).")
    var seed: UInt64 = 0

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard (0...1).contains(datasetDriftShare) else {
            throw ValidationError("--dataset-drift-share must be between 0 and 1, got \(datasetDriftShare)")
        }
        guard mmdPermutations >= 0 else { throw ValidationError("--mmd-permutations must be at least 0") }
        guard mmdMaxSample >= 2 else { throw ValidationError("--mmd-max-sample must be at least 2") }
        _ = try methods()
        _ = try thresholds()
    }

    func run() throws {
        let options = DriftReportOptions(
            methods: try methods(),
            categoricalColumns: Set(categorical.flatMap { $0.split(separator: ",").map(String.init) }),
            evaluator: DriftEvaluator(
                thresholds: try thresholds(),
                mmdOptions: .init(permutations: mmdPermutations, maximumSampleSize: mmdMaxSample, seed: seed)),
            datasetDriftShare: datasetDriftShare,
            correction: correction)
        let report: DriftReport
        do {
            let tables = try CSVTable.read([reference, current])
            report = try DriftReport.compare(reference: tables[0], current: tables[1], options: options)
        } catch {
            throw badInput("\(error)")
        }
        print(format == .json ? report.jsonText() : report.text())
        if report.datasetDrift.detected { throw ExitCode(1) }
    }

    private func methods() throws -> [DriftMethod] {
        let names = method.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if names == ["auto"] { return [] }
        return try names.map { name in
            guard let method = DriftMethod(rawValue: name) else {
                throw ValidationError("--method: unknown method \"\(name)\"; known: auto, \(Self.methodList)")
            }
            return method
        }
    }

    private func thresholds() throws -> [DriftMethod: Double] {
        var result: [DriftMethod: Double] = [:]
        for item in threshold {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let method = DriftMethod(rawValue: parts[0]) else {
                throw ValidationError(
                    "--threshold \"\(item)\": expected NAME=VALUE with NAME one of \(Self.methodList)")
            }
            guard let value = Double(parts[1]), value.isFinite, value >= 0 else {
                throw ValidationError("--threshold \"\(item)\": the value must be a non-negative number")
            }
            result[method] = value
        }
        return result
    }

    private static var methodList: String { DriftMethod.allCases.map(\.rawValue).joined(separator: ", ") }
}

/// How a command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

extension PValueCorrection: ExpressibleByArgument {}
