import DriftStats
import Testing

/// Classification and regression metrics against scikit-learn on the committed reference vectors
/// (`scripts/fixtures/performance_reference.py metrics`): values to 1e-9 relative (1e-12
/// absolute near zero), and an undefined result exactly where scikit-learn raises or gives NaN.
@Suite struct PerformanceMetricsTests {
    static let binaryCases = PerformanceFixtures.shared.binaryCases.map(\.name)
    static let multiclassCases = PerformanceFixtures.shared.multiclassCases.map(\.name)
    static let regressionCases = PerformanceFixtures.shared.regressionCases.map(\.name)

    @Test(arguments: binaryCases)
    func binary(_ name: String) throws {
        let fixture = try #require(PerformanceFixtures.shared.binaryCases.first { $0.name == name })
        let metrics = try BinaryClassificationMetrics.compute(
            truth: fixture.yTrue.map { $0 == 1 }, predicted: fixture.yPred.map { $0 == 1 }, scores: fixture.scores,
            calibrationBins: PerformanceFixtures.shared.eceBins)
        #expect(metrics.confusionMatrix == fixture.confusionMatrix, "\(name): confusion matrix")
        Self.check(metrics, fixture.results, name)
    }

    @Test(arguments: multiclassCases)
    func multiclass(_ name: String) throws {
        let fixture = try #require(PerformanceFixtures.shared.multiclassCases.first { $0.name == name })
        var probabilities: [String: [Double]] = [:]
        for (column, label) in fixture.classes.enumerated() {
            probabilities[label] = fixture.probabilities.map { $0[column] }
        }
        let metrics = try MulticlassClassificationMetrics.compute(
            truth: fixture.yTrue, predicted: fixture.yPred, probabilities: probabilities)
        #expect(metrics.confusionMatrix.labels == fixture.confusionMatrix.labels, "\(name): labels")
        #expect(metrics.confusionMatrix.counts == fixture.confusionMatrix.matrix, "\(name): confusion matrix")
        Self.check(metrics, fixture.results, name)
    }

    @Test(arguments: regressionCases)
    func regression(_ name: String) throws {
        let fixture = try #require(PerformanceFixtures.shared.regressionCases.first { $0.name == name })
        let metrics = try RegressionMetrics.compute(truth: fixture.yTrue, predicted: fixture.yPred)
        Self.check(metrics, fixture.results, name)
    }

    @Test func fixturesCoverEveryMetric() throws {
        let binary = try BinaryClassificationMetrics.compute(truth: [true, false], predicted: [true, true])
        let multiclass = try MulticlassClassificationMetrics.compute(truth: ["a", "b"], predicted: ["a", "a"])
        let regression = try RegressionMetrics.compute(truth: [1, 2], predicted: [1, 3])
        let fixtures = PerformanceFixtures.shared
        #expect(fixtures.binaryCases.allSatisfy { Set($0.results.keys) == Set(binary.results.map(\.name)) })
        #expect(fixtures.multiclassCases.allSatisfy { Set($0.results.keys) == Set(multiclass.results.map(\.name)) })
        #expect(fixtures.regressionCases.allSatisfy { Set($0.results.keys) == Set(regression.results.map(\.name)) })
    }

    /// Checks each metric (of `only`, when given) against scikit-learn's result.
    static func check(
        _ metrics: some NamedMetrics, _ expected: [String: ExpectedPerformanceMetric], _ name: String,
        only: Set<String>? = nil
    ) {
        for (metric, result) in metrics.results where only?.contains(metric) ?? true {
            guard let reference = expected[metric] else {
                Issue.record("\(name): no reference for \(metric)")
                continue
            }
            switch (result, reference.value) {
            case (.success(let value), .some(let expectedValue)):
                #expect(
                    Fixtures.agrees(value, expectedValue, relative: 1e-9, absolute: 1e-12),
                    "\(name) \(metric): \(value) vs \(expectedValue)")
            case (.success(let value), .none):
                Issue.record("\(name) \(metric): \(value), but scikit-learn gives \(reference.error ?? "?")")
            case (.failure(let reason), .some(let expectedValue)):
                Issue.record("\(name) \(metric): undefined (\(reason)), but scikit-learn gives \(expectedValue)")
            case (.failure, .none):
                break
            }
        }
    }
}

/// A metric's reference value, or scikit-learn's error.
struct ExpectedPerformanceMetric: Decodable {
    var value: Double?
    var error: String?
}

/// `performance.json`.
struct PerformanceFixtures: Decodable {
    struct BinaryCase: Decodable {
        var name: String
        var yTrue: [Int]
        var yPred: [Int]
        var scores: [Double]
        var confusionMatrix: [[Int]]
        var results: [String: ExpectedPerformanceMetric]

        enum CodingKeys: String, CodingKey {
            case name, scores, results
            case yTrue = "y_true"
            case yPred = "y_pred"
            case confusionMatrix = "confusion_matrix"
        }
    }

    struct LabelledMatrix: Decodable {
        var labels: [String]
        var matrix: [[Int]]
    }

    struct MulticlassCase: Decodable {
        var name: String
        var classes: [String]
        var yTrue: [String]
        var yPred: [String]
        var probabilities: [[Double]]
        var confusionMatrix: LabelledMatrix
        var results: [String: ExpectedPerformanceMetric]

        enum CodingKeys: String, CodingKey {
            case name, classes, probabilities, results
            case yTrue = "y_true"
            case yPred = "y_pred"
            case confusionMatrix = "confusion_matrix"
        }
    }

    struct RegressionCase: Decodable {
        var name: String
        var yTrue: [Double]
        var yPred: [Double]
        var results: [String: ExpectedPerformanceMetric]

        enum CodingKeys: String, CodingKey {
            case name, results
            case yTrue = "y_true"
            case yPred = "y_pred"
        }
    }

    struct IsotonicCase: Decodable {
        var name: String
        var x: [Double]
        var y: [Double]
        var xThresholds: [Double]
        var yThresholds: [Double]
        var probes: [Double]
        var predictions: [Double]

        enum CodingKeys: String, CodingKey {
            case name, x, y, probes, predictions
            case xThresholds = "x_thresholds"
            case yThresholds = "y_thresholds"
        }
    }

    var versions: [String: String]
    var eceBins: Int
    var binaryCases: [BinaryCase]
    var multiclassCases: [MulticlassCase]
    var regressionCases: [RegressionCase]
    var isotonicCases: [IsotonicCase]

    enum CodingKeys: String, CodingKey {
        case versions
        case eceBins = "ece_bins"
        case binaryCases = "binary_cases"
        case multiclassCases = "multiclass_cases"
        case regressionCases = "regression_cases"
        case isotonicCases = "isotonic_cases"
    }

    static let shared: PerformanceFixtures = {
        do {
            return try Fixtures.load("performance", as: PerformanceFixtures.self)
        } catch {
            fatalError("cannot load performance.json: \(error)")
        }
    }()
}
