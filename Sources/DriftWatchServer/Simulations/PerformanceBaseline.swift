import DriftWatchSimulation

/// A demo model's performance on clean traffic: the level a performance monitor compares a
/// window with.
///
/// Scored on the model's labelled reference events (drawn apart from any traffic): accuracy of
/// the predicted class for the classifiers, RMSE for the regressor.
struct PerformanceBaseline: Sendable, Hashable {
    /// `accuracy` or `rmse`.
    var metric: String
    /// Its value on clean traffic.
    var value: Double

    /// How many labelled predictions the baseline is scored on.
    static let sampleSize = 4_000

    init(model: DemoModel) {
        let events = model.referenceEvents(count: Self.sampleSize, seed: 1)
        var hits = 0
        var squares = 0.0
        var labelled = 0
        for event in events {
            guard let label = event.label else { continue }
            labelled += 1
            if model.task == .regression {
                let error = (event.inference.predictionNumber ?? 0) - (label.truthNumber ?? 0)
                squares += error * error
            } else if event.inference.predictionText == label.truthText {
                hits += 1
            }
        }
        let count = Double(max(labelled, 1))
        if model.task == .regression {
            metric = "rmse"
            value = (squares / count).squareRoot()
        } else {
            metric = "accuracy"
            value = Double(hits) / count
        }
    }
}
