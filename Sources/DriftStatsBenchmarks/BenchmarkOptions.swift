/// The command line of `DriftStatsBenchmarks`, parsed by hand so the target needs nothing but
/// DriftStats and Foundation.
struct BenchmarkOptions {
    /// The folder holding the `.f64` input files that `bench/stats/run.py` writes.
    var dataDirectory: String
    /// Where the JSON result goes, besides standard output.
    var outputPath: String?
    /// The cases to run, in the order given; every case when empty.
    var cases: [String] = []
    /// Extra runs on a prefix of the stream: case name → prefix length.
    var prefixes: [(name: String, length: Int)] = []
    /// The least wall time of one timed repetition; short operations are repeated inside it.
    var minimumSeconds = 0.3
    /// Timed repetitions of each case; the fastest is reported.
    var repetitions = 5

    static let usage = """
        usage: DriftStatsBenchmarks --data DIR [--out FILE.json] [--cases a,b,…] [--prefix CASE=N]…
                                    [--min-seconds S] [--repetitions N] [--list]

        Times DriftStats on the raw little-endian float64 files in DIR (written by
        bench/stats/run.py) and prints {case: {"seconds", "items", "items_per_second", …}} as JSON.
        --prefix CASE=N adds the case CASE@N: a detector or a sketch ingest over the first N
        values of its stream only, the input a slower peer is timed on. Each case runs for at
        least --min-seconds (default 0.3) per repetition and reports the best of --repetitions
        (default 5).
        """

    /// Parses `arguments` (without the program name); nil with a message on stderr when they
    /// are wrong, or after printing the help or the case list.
    static func parse(_ arguments: [String]) throws(UsageError) -> BenchmarkOptions? {
        var data: String?
        var options = BenchmarkOptions(dataDirectory: "")
        var index = 0
        func value(_ flag: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else { throw UsageError("\(flag) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--data":
                data = try value(argument)
            case "--out":
                options.outputPath = try value(argument)
            case "--cases":
                options.cases = try value(argument).split(separator: ",").map(String.init)
            case "--prefix":
                let text = try value(argument)
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let length = Int(parts[1]), length > 0 else {
                    throw UsageError("--prefix wants CASE=N with N > 0, not \(text)")
                }
                options.prefixes.append((parts[0], length))
            case "--min-seconds":
                let text = try value(argument)
                guard let seconds = Double(text), seconds >= 0, seconds.isFinite else {
                    throw UsageError("--min-seconds wants a non-negative number, not \(text)")
                }
                options.minimumSeconds = seconds
            case "--repetitions":
                let text = try value(argument)
                guard let repetitions = Int(text), repetitions > 0 else {
                    throw UsageError("--repetitions wants a positive integer, not \(text)")
                }
                options.repetitions = repetitions
            case "--list":
                print(BenchmarkCase.allNames.joined(separator: "\n"))
                return nil
            case "-h", "--help":
                print(usage)
                return nil
            default:
                throw UsageError("unknown argument \(argument)")
            }
            index += 1
        }
        guard let data else { throw UsageError("--data DIR is required") }
        options.dataDirectory = data
        return options
    }
}

/// A wrong command line.
struct UsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
