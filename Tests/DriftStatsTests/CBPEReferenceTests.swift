import DriftStats
import Testing

/// ``ConfidenceBasedPerformanceEstimator`` against NannyML 0.13.1's CBPE on the committed
/// scenarios (`scripts/fixtures/performance_reference.py cbpe`): the calibration decision and
/// the ECEs behind it, the isotonic calibrator, and per analysis chunk every estimate,
/// sampling error and confidence bound to 1e-15 relative (they are in fact bit-identical).
@Suite struct CBPEReferenceTests {
    static let scenarios = CBPEFixtures.shared.scenarios.map(\.name)

    @Test(arguments: scenarios)
    func agreesWithNannyML(_ name: String) throws {
        let scenario = try #require(CBPEFixtures.shared.scenarios.first { $0.name == name })
        let reference = scenario.reference
        let estimator = try ConfidenceBasedPerformanceEstimator.fit(
            truth: reference.yTrue.map { $0 == 1 }, predicted: reference.yPred.map { $0 == 1 },
            scores: reference.scores)
        #expect((estimator.calibrator != nil) == scenario.needsCalibration, "\(name): calibration decision")
        if let expected = scenario.calibrationErrors {
            let errors = try #require(estimator.calibrationErrors, "\(name): the check did not run")
            #expect(Self.agrees(errors.before, expected.before), "\(name): ECE before \(errors.before)")
            #expect(Self.agrees(errors.after, expected.after), "\(name): ECE after \(errors.after)")
        } else {
            #expect(estimator.calibrationErrors == nil, "\(name): the check ran")
        }
        if let expected = scenario.calibrator {
            let calibrator = try #require(estimator.calibrator)
            #expect(calibrator.thresholds == expected.xThresholds, "\(name): calibrator thresholds")
            #expect(calibrator.values == expected.yThresholds, "\(name): calibrator values")
            #expect(calibrator.predict(expected.probes) == expected.predictions, "\(name): calibrated probes")
        }
        for chunk in scenario.chunks {
            let estimate = try estimator.estimate(predicted: chunk.yPred.map { $0 == 1 }, scores: chunk.scores)
            let realized = try BinaryClassificationMetrics.compute(
                truth: chunk.yTrue.map { $0 == 1 }, predicted: chunk.yPred.map { $0 == 1 }, scores: chunk.scores)
            for (metric, estimated) in estimate.estimates {
                let label = "\(name) [\(chunk.start):\(chunk.end)] \(metric)"
                let expected = try #require(chunk.estimates[metric], "\(label): not in the fixture")
                Self.check(estimated.value, expected.value, "\(label) value")
                Self.check(estimated.samplingError, expected.samplingError, "\(label) sampling error")
                Self.check(estimated.lowerBound, expected.lowerConfidenceBoundary, "\(label) lower bound")
                Self.check(estimated.upperBound, expected.upperConfidenceBoundary, "\(label) upper bound")
                // NannyML's realized metrics are scikit-learn's, NaN for a one-class chunk.
                if let expectedRealized = expected.realized, let value = realized.value(named: metric) {
                    #expect(
                        Fixtures.agrees(value, expectedRealized, relative: 1e-12, absolute: 0),
                        "\(label) realized \(value) vs \(expectedRealized)")
                }
            }
        }
    }

    @Test func rejectsUnusableInput() throws {
        #expect(throws: UndefinedStatistic.self) {
            try ConfidenceBasedPerformanceEstimator.fit(truth: [], predicted: [], scores: [])
        }
        #expect(throws: UndefinedStatistic.self) {
            try ConfidenceBasedPerformanceEstimator.fit(
                truth: [true, false], predicted: [true, false], scores: [2, 0])
        }
        // Too few rows of a class for NannyML's stratified split.
        #expect(throws: UndefinedStatistic.self) {
            try ConfidenceBasedPerformanceEstimator.fit(
                truth: [true, false, false, false], predicted: [true, false, true, false], scores: [0.2, 0.3, 0.6, 0.1])
        }
        let estimator = try ConfidenceBasedPerformanceEstimator.fit(
            truth: [true, false, true, false], predicted: [true, false, false, false], scores: [0.9, 0.2, 0.4, 0.3],
            calibration: .never)
        #expect(throws: UndefinedStatistic.self) { try estimator.estimate(predicted: [], scores: []) }
        #expect(throws: UndefinedStatistic.self) { try estimator.estimate(predicted: [true], scores: [0.5, 0.5]) }
    }

    private static func agrees(_ actual: Double, _ expected: Double) -> Bool {
        Fixtures.agrees(actual, expected, relative: 1e-15, absolute: 0)
    }

    private static func check(_ actual: Result<Double, UndefinedStatistic>, _ expected: Double?, _ label: String) {
        check(try? actual.get(), expected, label)
    }

    private static func check(_ actual: Double?, _ expected: Double?, _ label: String) {
        switch (actual, expected) {
        case (.some(let value), .some(let expectedValue)):
            #expect(agrees(value, expectedValue), "\(label): \(value) vs NannyML \(expectedValue)")
        case (nil, nil):
            break
        default:
            Issue.record("\(label): \(String(describing: actual)) vs NannyML \(String(describing: expected))")
        }
    }
}

/// `cbpe.json`.
struct CBPEFixtures: Decodable {
    struct Labelled: Decodable {
        var yTrue: [Int]
        var yPred: [Int]
        var scores: [Double]

        enum CodingKeys: String, CodingKey {
            case scores
            case yTrue = "y_true"
            case yPred = "y_pred"
        }
    }

    struct CalibrationErrors: Decodable {
        var before: Double
        var after: Double
    }

    struct Calibrator: Decodable {
        var xThresholds: [Double]
        var yThresholds: [Double]
        var probes: [Double]
        var predictions: [Double]

        enum CodingKeys: String, CodingKey {
            case probes, predictions
            case xThresholds = "x_thresholds"
            case yThresholds = "y_thresholds"
        }
    }

    struct Estimate: Decodable {
        var value: Double?
        var samplingError: Double?
        var lowerConfidenceBoundary: Double?
        var upperConfidenceBoundary: Double?
        var realized: Double?

        enum CodingKeys: String, CodingKey {
            case value, realized
            case samplingError = "sampling_error"
            case lowerConfidenceBoundary = "lower_confidence_boundary"
            case upperConfidenceBoundary = "upper_confidence_boundary"
        }
    }

    struct Chunk: Decodable {
        var start: Int
        var end: Int
        var yTrue: [Int]
        var yPred: [Int]
        var scores: [Double]
        var estimates: [String: Estimate]

        enum CodingKeys: String, CodingKey {
            case start, end, scores, estimates
            case yTrue = "y_true"
            case yPred = "y_pred"
        }
    }

    struct Scenario: Decodable {
        var name: String
        var chunkSize: Int
        var reference: Labelled
        var needsCalibration: Bool
        var calibrationErrors: CalibrationErrors?
        var calibrator: Calibrator?
        var chunks: [Chunk]

        enum CodingKeys: String, CodingKey {
            case name, reference, calibrator, chunks
            case chunkSize = "chunk_size"
            case needsCalibration = "needs_calibration"
            case calibrationErrors = "calibration_errors"
        }
    }

    var versions: [String: String]
    var scenarios: [Scenario]

    static let shared: CBPEFixtures = {
        do {
            return try Fixtures.load("cbpe", as: CBPEFixtures.self)
        } catch {
            fatalError("cannot load cbpe.json: \(error)")
        }
    }()
}
