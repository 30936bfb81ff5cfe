import DriftStats
import Foundation
import Testing

/// The mergeable performance sketch against scikit-learn on the committed reference vectors
/// (`scripts/fixtures/performance_reference.py metrics`): label and sum metrics to 1e-9 like
/// the exact metrics; ROC AUC and average precision equal to the exact metrics on the scores
/// binned as the sketch bins them, and ROC AUC within the sketch's own bound of scikit-learn's.
@Suite struct PerformanceSketchTests {
    static let exactMetrics: Set = [
        "accuracy", "precision", "recall", "f1", "log_loss", "brier", "ece", "precision_macro", "precision_micro",
        "precision_weighted", "recall_macro", "recall_micro", "recall_weighted", "f1_macro", "f1_micro",
        "f1_weighted", "mae", "mse", "rmse", "mape", "r2", "mean_error",
    ]

    /// A score as the sketch bins it: the lower edge of its bin.
    static func binned(_ p: Double) -> Double {
        p >= 0 && p <= 1 ? Double(min(Int(p * Double(ScoreTally.bins)), ScoreTally.bins - 1)) / 1000 : p
    }

    @Test(arguments: PerformanceMetricsTests.binaryCases)
    func binaryAgreesWithScikitLearn(_ name: String) throws {
        let fixture = try #require(PerformanceFixtures.shared.binaryCases.first { $0.name == name })
        var sketch = PerformanceSketch()
        for i in fixture.yTrue.indices {
            sketch.add(
                LabeledPrediction(
                    truth: "\(fixture.yTrue[i])", predicted: "\(fixture.yPred[i])", truthNumber: nil,
                    predictedNumber: nil, probabilities: ["1": fixture.scores[i]]))
        }
        let metrics = try sketch.binaryMetrics(isPositive: { $0 == "1" }, scoreClass: "1")
        #expect(metrics.confusionMatrix == fixture.confusionMatrix, "\(name): confusion matrix")
        let probabilities = fixture.scores.allSatisfy { $0 >= 0 && $0 <= 1 }
        PerformanceMetricsTests.check(
            metrics, fixture.results, name, only: probabilities ? Self.exactMetrics : ["accuracy", "f1"])
        guard probabilities else {
            #expect(throws: UndefinedStatistic.self) { try metrics.rocAUC.get() }
            return
        }
        let exact = try BinaryClassificationMetrics.compute(
            truth: fixture.yTrue.map { $0 == 1 }, predicted: fixture.yPred.map { $0 == 1 },
            scores: fixture.scores.map(Self.binned))
        let (area, exactArea) = (try? metrics.rocAUC.get(), try? exact.rocAUC.get())
        let (precision, exactPrecision) = (try? metrics.prAUC.get(), try? exact.prAUC.get())
        #expect(area == exactArea, "\(name): binned ROC AUC")
        #expect(precision == exactPrecision, "\(name): binned average precision")
        if let reference = fixture.results["roc_auc"]?.value, let bound = sketch.scores["1"]?.rocAUCBound {
            let area = try metrics.rocAUC.get()
            #expect(abs(area - reference) <= bound + 1e-12, "\(name): \(area) vs \(reference) ± \(bound)")
        }
    }

    @Test(arguments: PerformanceMetricsTests.multiclassCases)
    func multiclassAgreesWithScikitLearn(_ name: String) throws {
        let fixture = try #require(PerformanceFixtures.shared.multiclassCases.first { $0.name == name })
        var sketch = PerformanceSketch()
        for i in fixture.yTrue.indices {
            sketch.add(
                LabeledPrediction(
                    truth: fixture.yTrue[i], predicted: fixture.yPred[i], truthNumber: nil, predictedNumber: nil,
                    probabilities: Dictionary(uniqueKeysWithValues: zip(fixture.classes, fixture.probabilities[i]))))
        }
        let metrics = try sketch.multiclassMetrics()
        #expect(metrics.confusionMatrix.labels == fixture.confusionMatrix.labels, "\(name): labels")
        #expect(metrics.confusionMatrix.counts == fixture.confusionMatrix.matrix, "\(name): confusion matrix")
        PerformanceMetricsTests.check(metrics, fixture.results, name, only: Self.exactMetrics)
        // Defined exactly where scikit-learn defines them.
        for metric in ["roc_auc", "pr_auc"] {
            let value = metrics.results.first { $0.name == metric }.flatMap { try? $0.result.get() }
            #expect((value == nil) == (fixture.results[metric]?.value == nil), "\(name) \(metric): defined")
        }
        if let precision = try? metrics.prAUC.get() {
            let perClass = try fixture.classes.enumerated().map { column, label in
                try BinaryClassificationMetrics.compute(
                    truth: fixture.yTrue.map { $0 == label }, predicted: fixture.yPred.map { $0 == label },
                    scores: fixture.probabilities.map { Self.binned($0[column]) }
                ).prAUC.get()
            }
            #expect(abs(precision - perClass.reduce(0, +) / Double(perClass.count)) < 1e-12, "\(name): binned AP")
        }
        if let area = try? metrics.rocAUC.get(), let reference = fixture.results["roc_auc"]?.value {
            let bound =
                fixture.classes.compactMap { sketch.scores[$0]?.rocAUCBound }.reduce(0, +)
                / Double(fixture.classes.count)
            #expect(abs(area - reference) <= bound + 1e-12, "\(name): \(area) vs \(reference) ± \(bound)")
        }
    }

    @Test(arguments: PerformanceMetricsTests.regressionCases)
    func regressionAgreesWithScikitLearn(_ name: String) throws {
        let fixture = try #require(PerformanceFixtures.shared.regressionCases.first { $0.name == name })
        var sketch = PerformanceSketch()
        for (truth, predicted) in zip(fixture.yTrue, fixture.yPred) {
            sketch.add(LabeledPrediction(truth: nil, predicted: nil, truthNumber: truth, predictedNumber: predicted))
        }
        // scikit-learn's R² of a constant target whose floating-point mean is not that constant
        // divides by a rounding residue; the sketch's spread of that target is exactly 0.
        let skipped: Set = name == "constant_truth_inexact_mean" ? ["r2"] : []
        PerformanceMetricsTests.check(
            try sketch.regressionMetrics(), fixture.results, name, only: Self.exactMetrics.subtracting(skipped))
        if name == "constant_truth_inexact_mean" {
            #expect(try sketch.regressionMetrics().r2.get() == 0)
        }
    }

    @Test func mergedPartsEqualTheWholeAndACorrectionTakesTheOldValueOut() throws {
        var random = SeededRandomNumberGenerator(seed: 21)
        let classes = ["a", "b", "c"]
        let pairs = (0..<3_000).map { _ -> LabeledPrediction in
            let weights = classes.map { _ in Double.random(in: 0.01...1, using: &random) }
            let total = weights.reduce(0, +)
            let truth = classes.randomElement(using: &random)!
            return LabeledPrediction(
                truth: truth, predicted: classes.randomElement(using: &random)!,
                truthNumber: Double.random(in: -5...5, using: &random),
                predictedNumber: Double.random(in: -5...5, using: &random),
                probabilities: Dictionary(uniqueKeysWithValues: zip(classes, weights.map { $0 / total })),
                delaySeconds: Double.random(in: 0...86_400, using: &random))
        }
        var whole = PerformanceSketch()
        for pair in pairs { whole.add(pair) }
        var merged = PerformanceSketch()
        for part in stride(from: 0, to: pairs.count, by: 700) {
            var sketch = PerformanceSketch()
            for pair in pairs[part..<min(part + 700, pairs.count)] { sketch.add(pair) }
            merged.merge(sketch)
        }
        try Self.expectSameMetrics(merged, whole)
        // Counted with a wrong label first, then corrected.
        var corrected = PerformanceSketch()
        for pair in pairs {
            var wrong = pair
            wrong.truth = "b"
            wrong.truthNumber = 100
            wrong.delaySeconds = 5
            corrected.add(wrong)
            corrected.add(wrong, weight: -1)
            corrected.add(pair)
        }
        try Self.expectSameMetrics(corrected, whole)
        // A correction alone adds as many pairs as it takes out, and is still a change.
        var correction = PerformanceSketch()
        correction.add(pairs[0], weight: -1)
        correction.add(pairs[1])
        #expect(correction.pairs == 0 && !correction.isEmpty)
        #expect(corrected.delays == whole.delays)
        #expect(corrected.pairs == whole.pairs)
    }

    @Test func serializationRoundTripsByteForByte() throws {
        var sketch = PerformanceSketch()
        sketch.add(
            LabeledPrediction(
                truth: "yes", predicted: "no", truthNumber: 1, predictedNumber: 0,
                probabilities: ["yes": 0.3, "no": 0.7],
                delaySeconds: 12))
        sketch.add(LabeledPrediction(truth: nil, predicted: "no", truthNumber: nil, predictedNumber: 0))
        let bytes = sketch.serialized()
        let decoded = try PerformanceSketch(serialized: bytes)
        #expect(decoded == sketch)
        #expect(decoded.serialized() == bytes)
        #expect(try SketchKind(serialized: bytes) == .performance)
        var flipped = bytes
        flipped[20] ^= 1
        #expect(throws: SketchError.self) { try PerformanceSketch(serialized: flipped) }
    }

    @Test func tooManyLabelsKeepsOnlyTheRegressionTally() throws {
        var sketch = PerformanceSketch()
        for i in 0..<100 {
            sketch.add(
                LabeledPrediction(
                    truth: "\(i)", predicted: "\(i + 1)", truthNumber: Double(i), predictedNumber: Double(i + 1)))
        }
        #expect(sketch.tooManyLabels)
        #expect(throws: UndefinedStatistic.self) { try sketch.multiclassMetrics() }
        #expect(try sketch.regressionMetrics().mae.get() == 1)
        #expect(try PerformanceSketch(serialized: sketch.serialized()) == sketch)
    }

    @Test func delayQuantilesAreWithinOnePercentOfTheNearestRank() {
        var random = SeededRandomNumberGenerator(seed: 4)
        let delays = (0..<5_000).map { _ in exp(Double.random(in: -3...12, using: &random)) }
        var histogram = LabelDelayHistogram()
        for delay in delays { histogram.add(delay) }
        let sorted = delays.sorted()
        for q in [0.01, 0.5, 0.9, 0.99, 1.0] {
            let exact = sorted[max(Int((q * Double(sorted.count)).rounded(.up)) - 1, 0)]
            let value = histogram.quantile(q)!
            #expect(abs(value - exact) <= 0.01 * exact, "q \(q): \(value) vs \(exact)")
        }
        #expect(abs(histogram.largest! - sorted.last!) <= 0.01 * sorted.last!)
        histogram.add(-3)
        #expect(histogram.quantile(0)! == 0)
    }

    private static func expectSameMetrics(_ a: PerformanceSketch, _ b: PerformanceSketch) throws {
        let pairs: [(any NamedMetrics, any NamedMetrics)] = [
            (try a.multiclassMetrics(), try b.multiclassMetrics()),
            (
                try a.binaryMetrics(isPositive: { $0 == "a" }, scoreClass: "a"),
                try b.binaryMetrics(isPositive: { $0 == "a" }, scoreClass: "a")
            ),
            (try a.regressionMetrics(), try b.regressionMetrics()),
        ]
        for (x, y) in pairs {
            for (left, right) in zip(x.results, y.results) {
                let l = try left.result.get()
                let r = try right.result.get()
                #expect(Fixtures.agrees(l, r, relative: 1e-9, absolute: 1e-12), "\(left.name): \(l) vs \(r)")
            }
        }
    }
}
