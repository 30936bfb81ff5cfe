import DriftStats

/// One timed operation over the input files: a detector over a stream, a sketch ingesting or
/// merging, or a metrics call.
struct BenchmarkCase {
    /// The name in the JSON output, such as `adwin`, `adwin@1000000` or `kll_ingest`.
    var name: String
    /// Loads the inputs and returns the items one operation covers and the operation itself.
    var prepare: (InputFiles) throws -> (items: Int, operation: () -> Double)

    /// The names of the cases run by default, in order: every detector, then the sketches,
    /// then the metrics.
    static var allNames: [String] { DriftDetectors.names + fixedNames }

    private static let fixedNames = [
        "kll_ingest", "kll_merge", "hll_ingest", "moments_ingest", "binary_metrics", "regression_metrics",
    ]

    /// The case called `name`: one of ``allNames``, or `CASE@N` for a detector or a sketch
    /// ingest (`kll_ingest`, `hll_ingest`, `moments_ingest`) over the first N values of its
    /// stream only.
    static func named(_ name: String) -> BenchmarkCase? {
        let parts = name.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var prefix: Int?
        if parts.count == 2 {
            guard let length = Int(parts[1]), length > 0 else { return nil }
            prefix = length
        }
        let base = parts[0]
        if DriftDetectors.type(named: base) != nil { return detector(base, prefix: prefix) }
        switch base {
        case "kll_ingest":
            return ingest(name, prefix: prefix) { values in
                var sketch = KLLSketch(k: 200)
                sketch.add(contentsOf: values)
                return sketch.quantile(0.5)
            }
        case "hll_ingest":
            return ingest(name, prefix: prefix) { values in
                var sketch = HyperLogLogSketch(precision: 14)
                sketch.add(contentsOf: values)
                return sketch.estimate
            }
        case "moments_ingest":
            return ingest(name, prefix: prefix) { values in
                var sketch = MomentsSketch()
                sketch.add(contentsOf: values)
                return sketch.variance()
            }
        case "kll_merge" where prefix == nil: return kllMerge
        case "binary_metrics" where prefix == nil: return binaryMetrics
        case "regression_metrics" where prefix == nil: return regressionMetrics
        default: return nil
        }
    }

    /// The first `prefix` values of `file`, or all of them.
    private static func stream(_ file: String, prefix: Int?, inputs: InputFiles) throws -> [Double] {
        let values = try inputs.load(file)
        guard let prefix else { return values }
        guard prefix <= values.count else { throw InputError("\(file) has only \(values.count) values") }
        return Array(values.prefix(prefix))
    }

    /// A detector with the catalog's default parameters over the real-valued stream, or over
    /// the 0/1 error stream for a binary detector; the result is the number of drifts detected.
    private static func detector(_ detectorName: String, prefix: Int?) -> BenchmarkCase {
        let name = prefix.map { "\(detectorName)@\($0)" } ?? detectorName
        return BenchmarkCase(name: name) { inputs in
            let isBinary = DriftDetectors.type(named: detectorName)?.isBinary ?? false
            let values = try stream(
                isBinary ? InputFiles.binaryStream : InputFiles.realStream, prefix: prefix, inputs: inputs)
            let count = try DetectorWorkload.make(detectorName)
            return (values.count, { Double(count(opaque(values))) })
        }
    }

    /// A fresh sketch fed the real-valued stream through its bulk `add(contentsOf:)`; the
    /// result is a query of the sketch.
    private static func ingest(
        _ name: String, prefix: Int?, _ operation: @escaping ([Double]) -> Double
    ) -> BenchmarkCase {
        BenchmarkCase(name: name) { inputs in
            let values = try stream(InputFiles.realStream, prefix: prefix, inputs: inputs)
            return (values.count, { operation(opaque(values)) })
        }
    }

    /// One merge of two k = 200 sketches of half the real-valued stream each into a copy of
    /// the first; the result is the number of items the merged sketch retains.
    private static var kllMerge: BenchmarkCase {
        BenchmarkCase(name: "kll_merge") { inputs in
            let values = try inputs.load(InputFiles.realStream)
            let half = values.count / 2
            var first = KLLSketch(k: 200, seed: 1)
            first.add(contentsOf: values[..<half])
            var second = KLLSketch(k: 200, seed: 2)
            second.add(contentsOf: values[half...])
            return (
                1,
                {
                    var merged = opaque(first)
                    merged.merge(second)
                    return Double(merged.retainedCount)
                }
            )
        }
    }

    /// Every binary classification metric from labels, predictions and scores; the result is
    /// the ROC AUC.
    private static var binaryMetrics: BenchmarkCase {
        BenchmarkCase(name: "binary_metrics") { inputs in
            let truth = try inputs.load(InputFiles.classificationTruth).map { $0 == 1 }
            let predicted = try inputs.load(InputFiles.classificationPredicted).map { $0 == 1 }
            let scores = try inputs.load(InputFiles.classificationScores)
            _ = try BinaryClassificationMetrics.compute(truth: truth, predicted: predicted, scores: scores)
            return (
                truth.count,
                {
                    let metrics = try! BinaryClassificationMetrics.compute(
                        truth: opaque(truth), predicted: predicted, scores: scores)
                    return (try? metrics.rocAUC.get()) ?? .nan
                }
            )
        }
    }

    /// Every regression metric; the result is R².
    private static var regressionMetrics: BenchmarkCase {
        BenchmarkCase(name: "regression_metrics") { inputs in
            let truth = try inputs.load(InputFiles.regressionTruth)
            let predicted = try inputs.load(InputFiles.regressionPredicted)
            _ = try RegressionMetrics.compute(truth: truth, predicted: predicted)
            return (
                truth.count,
                {
                    let metrics = try! RegressionMetrics.compute(truth: opaque(truth), predicted: predicted)
                    return (try? metrics.r2.get()) ?? .nan
                }
            )
        }
    }
}

/// The input files, each read once and kept.
final class InputFiles {
    static let realStream = "real_stream.f64"
    static let binaryStream = "binary_stream.f64"
    static let classificationTruth = "classification_truth.f64"
    static let classificationPredicted = "classification_predicted.f64"
    static let classificationScores = "classification_scores.f64"
    static let regressionTruth = "regression_truth.f64"
    static let regressionPredicted = "regression_predicted.f64"

    private let directory: String
    private var loaded: [String: [Double]] = [:]

    init(directory: String) { self.directory = directory }

    func load(_ file: String) throws(InputError) -> [Double] {
        if let values = loaded[file] { return values }
        let values = try RawDoubles.read(directory + "/" + file)
        loaded[file] = values
        return values
    }
}
