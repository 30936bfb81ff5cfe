import DriftStats
import Testing

/// The metric names the CLI prints, input validation and the label conveniences.
@Suite struct PerformanceAPITests {
    @Test func namesMatchTheCLI() throws {
        let binary = try BinaryClassificationMetrics.compute(truth: [true, false], predicted: [true, true])
        #expect(
            binary.values.map(\.name)
                == ["accuracy", "precision", "recall", "f1", "roc_auc", "pr_auc", "log_loss", "brier", "ece"])
        let multiclass = try MulticlassClassificationMetrics.compute(truth: [1, 2], predicted: [1, 1])
        #expect(
            multiclass.values.map(\.name) == [
                "accuracy", "precision_macro", "precision_micro", "precision_weighted", "recall_macro",
                "recall_micro", "recall_weighted", "f1_macro", "f1_micro", "f1_weighted", "roc_auc", "pr_auc",
                "log_loss",
            ])
        let regression = try RegressionMetrics.compute(truth: [1, 2], predicted: [1, 3])
        #expect(regression.values.map(\.name) == ["mae", "mse", "rmse", "mape", "r2", "mean_error"])
        #expect(regression.value(named: "mae") == 0.5)
        #expect(regression.value(named: "unknown") == nil)
    }

    @Test func scoreMetricsAreUndefinedWithoutUsableScores() throws {
        let none = try BinaryClassificationMetrics.compute(truth: [true, false], predicted: [true, false])
        #expect(none.value(named: "accuracy") == 1)
        #expect(none.value(named: "roc_auc") == nil)
        let short = try BinaryClassificationMetrics.compute(
            truth: [true, false], predicted: [true, false], scores: [1])
        #expect(short.value(named: "log_loss") == nil)
        let nan = try BinaryClassificationMetrics.compute(
            truth: [true, false], predicted: [true, false], scores: [1, .nan])
        #expect(nan.value(named: "pr_auc") == nil)
        let noBins = try BinaryClassificationMetrics.compute(
            truth: [true, false], predicted: [true, false], scores: [0.8, 0.3], calibrationBins: 0)
        #expect(noBins.value(named: "ece") == nil)
        #expect(noBins.value(named: "brier") != nil)
    }

    @Test func rejectsMismatchedOrEmptyInput() {
        #expect(throws: UndefinedStatistic.self) {
            try BinaryClassificationMetrics.compute(truth: [true], predicted: [true, false])
        }
        #expect(throws: UndefinedStatistic.self) { try BinaryClassificationMetrics.compute(truth: [], predicted: []) }
        #expect(throws: UndefinedStatistic.self) {
            try MulticlassClassificationMetrics<String>.compute(truth: [], predicted: [])
        }
        #expect(throws: UndefinedStatistic.self) {
            try RegressionMetrics.compute(truth: [1, .nan], predicted: [1, 2])
        }
    }

    @Test func labelsOtherThanThePositiveOneAreNegative() throws {
        let truth = ["spam", "ham", "eggs", "spam"]
        let predicted = ["spam", "spam", "ham", "eggs"]
        let scores = [0.9, 0.6, 0.2, 0.4]
        let labelled = try BinaryClassificationMetrics.compute(
            truth: truth, predicted: predicted, scores: scores, positive: "spam")
        let flags = try BinaryClassificationMetrics.compute(
            truth: truth.map { $0 == "spam" }, predicted: predicted.map { $0 == "spam" }, scores: scores)
        #expect(labelled == flags)
        #expect(labelled.confusionMatrix == [[1, 1], [1, 1]])
    }

    @Test func confusionMatrixSortsLabels() {
        let matrix = ConfusionMatrix(truth: [10, 9, 10, 2], predicted: [9, 9, 10, 10])
        #expect(matrix.labels == [2, 9, 10])
        #expect(matrix.counts == [[0, 0, 1], [0, 1, 0], [0, 1, 1]])
        #expect(matrix.count(truth: 10, predicted: 9) == 1)
        #expect(matrix.total == 4)
        #expect(matrix.support == [1, 1, 2])
        #expect(matrix.predictedCounts == [0, 2, 2])
        // Past 16 labels, numbering switches from scanning to hashing.
        let many = ConfusionMatrix(truth: Array((0..<40).reversed()), predicted: Array(0..<40))
        #expect(many.labels == Array(0..<40))
        #expect(
            many.counts.enumerated().allSatisfy { row, counts in counts[39 - row] == 1 && counts.reduce(0, +) == 1 })
    }
}
