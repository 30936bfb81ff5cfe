import Foundation

/// Times DriftStats' detectors, sketches and metrics on the files `bench/stats/run.py` writes;
/// see `bench/stats/README.md`.
func runBenchmarks() -> Int32 {
    let options: BenchmarkOptions
    do {
        guard let parsed = try BenchmarkOptions.parse(Array(CommandLine.arguments.dropFirst())) else { return 0 }
        options = parsed
    } catch {
        printError("DriftStatsBenchmarks: \(error)\n\n\(BenchmarkOptions.usage)")
        return 2
    }
    var names = options.cases.isEmpty ? BenchmarkCase.allNames : options.cases
    names += options.prefixes.map { "\($0.name)@\($0.length)" }
    var cases: [BenchmarkCase] = []
    for name in names {
        guard let benchmarkCase = BenchmarkCase.named(name) else {
            printError(
                "DriftStatsBenchmarks: unknown case \(name); known: \(BenchmarkCase.allNames.joined(separator: ", "))")
            return 2
        }
        cases.append(benchmarkCase)
    }

    let inputs = InputFiles(directory: options.dataDirectory)
    var prepared: [(name: String, items: Int, operation: () -> Double)] = []
    for benchmarkCase in cases {
        do {
            let (items, operation) = try benchmarkCase.prepare(inputs)
            prepared.append((benchmarkCase.name, items, operation))
        } catch {
            printError("DriftStatsBenchmarks: \(benchmarkCase.name): \(error)")
            return 1
        }
    }
    var results: [(name: String, measurement: Measurement)] = []
    var checksum = 0.0
    for (name, items, operation) in prepared {
        let measurement = Stopwatch.measure(
            items: items, minimumSeconds: options.minimumSeconds, repetitions: options.repetitions, operation)
        checksum += measurement.checksum
        results.append((name, measurement))
        printError(
            "\(name): \(measurement.seconds) s per operation of \(measurement.items) items, "
                + "\(Int(measurement.itemsPerSecond.rounded())) items/s (result \(measurement.result))")
    }
    printError("checksum \(checksum)")

    let json = resultJSON(results)
    print(json)
    if let path = options.outputPath {
        do {
            try Data((json + "\n").utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            printError("DriftStatsBenchmarks: cannot write \(path): \(error.localizedDescription)")
            return 1
        }
    }
    return 0
}

/// `{case: {"seconds", "items", "items_per_second", "result", "inner_iterations", "repetitions"}}`,
/// in case order.
func resultJSON(_ results: [(name: String, measurement: Measurement)]) -> String {
    func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }
    let entries = results.map { name, measurement in
        "  \"\(name)\": {\"seconds\": \(number(measurement.seconds)), \"items\": \(measurement.items), "
            + "\"items_per_second\": \(number(measurement.itemsPerSecond)), "
            + "\"result\": \(number(measurement.result)), \"inner_iterations\": \(measurement.innerIterations), "
            + "\"repetitions\": \(measurement.repetitions)}"
    }
    return "{\n" + entries.joined(separator: ",\n") + "\n}"
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

exit(runBenchmarks())
