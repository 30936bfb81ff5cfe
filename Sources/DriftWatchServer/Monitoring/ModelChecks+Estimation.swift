import DriftStats
import DriftWatchCore
import Foundation

extension ModelChecks {
    /// How far back labelled predictions fit the estimator: the reference of CBPE.
    static let estimationReference: TimeInterval = 7 * 86_400
    /// The fewest labelled predictions an estimator is fitted on.
    static let minimumEstimationReference = 100
    /// The most predictions read for an estimate (newest first).
    static let maxEstimatedPredictions = 100_000

    /// Estimated performance of a binary model's window without its labels (confidence-based,
    /// as NannyML's CBPE): fitted on the labelled predictions of the week before the window,
    /// applied to the window's predicted labels and positive-class probabilities. Nil when the
    /// model is not binary, reports no probabilities, or has too few labelled predictions.
    func estimatedPerformance(model id: String, window: TimeWindow) async throws
        -> (estimate: EstimatedPerformance, referenceSize: Int)?
    {
        guard let model = try await models.lookUp(id), model.task == .binary else { return nil }
        let pairs = try await store.labeled(
            modelID: id, from: window.from - Self.estimationReference, to: window.from,
            limit: Self.maxEstimatedPredictions)
        let classes = Set(pairs.flatMap(\.probabilities.keys))
        guard let positive = classes.first(where: { ["1", "1.0", "true", "yes"].contains($0.lowercased()) }),
            pairs.count >= Self.minimumEstimationReference
        else { return nil }
        func isPositive(_ text: String?, _ number: Double?) -> Bool {
            (text ?? number.map(FeatureValue.label)).map {
                $0 == positive || ["1", "true", "yes"].contains($0.lowercased())
            }
                ?? false
        }
        var truth: [Bool] = []
        var predicted: [Bool] = []
        var scores: [Double] = []
        for pair in pairs {
            guard let score = pair.probabilities[positive], score.isFinite else { continue }
            truth.append(isPositive(pair.truthText, pair.truthNumber))
            predicted.append(
                pair.predictionText != nil || pair.predictionNumber != nil
                    ? isPositive(pair.predictionText, pair.predictionNumber) : score >= 0.5)
            scores.append(score)
        }
        guard scores.count >= Self.minimumEstimationReference else { return nil }
        let estimator = try ConfidenceBasedPerformanceEstimator.fit(truth: truth, predicted: predicted, scores: scores)
        let events = try await store.recentEvents(
            modelID: id, from: window.from, to: window.to, limit: Self.maxEstimatedPredictions)
        var windowPredicted: [Bool] = []
        var windowScores: [Double] = []
        for event in events {
            guard let score = event.probabilities[positive], score.isFinite else { continue }
            windowPredicted.append(
                event.predictionText != nil || event.predictionNumber != nil
                    ? isPositive(event.predictionText, event.predictionNumber) : score >= 0.5)
            windowScores.append(score)
        }
        guard !windowScores.isEmpty else { return nil }
        return (try estimator.estimate(predicted: windowPredicted, scores: windowScores), scores.count)
    }
}
