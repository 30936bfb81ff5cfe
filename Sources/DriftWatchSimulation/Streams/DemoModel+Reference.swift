import DriftWatchCore
import Foundation

extension DemoModel {
    /// `count` clean predictions with their labels, for a reference that needs both (a
    /// performance baseline, CBPE's calibration). Drawn from a source of their own, so they
    /// never repeat the traffic of the same seed; timestamps are one second apart from `start`.
    public func referenceEvents(count: Int, seed: UInt64 = 0, start: Date = Date(timeIntervalSince1970: 0))
        -> [SimulatedEvent]
    {
        let synthesizer = EventSynthesizer(
            model: self, scenarios: [], seed: seed, purpose: .reference, start: start,
            labelTiming: LabelTiming(medianDelaySeconds: 0, sigma: 0, coverage: 1), requestIDPrefix: "\(id)-reference")
        return (0..<max(count, 0)).map { synthesizer.event(index: $0, offset: Double($0)) }
    }

    /// `count` clean rows of features, for uploading as the model's reference dataset.
    ///
    /// ```swift
    /// let rows = fraud.referenceRows(count: 10_000)
    /// ```
    public func referenceRows(count: Int, seed: UInt64 = 0) -> [[String: FeatureValue]] {
        referenceEvents(count: count, seed: seed).map(\.inference.features)
    }

    /// A reference dataset of `count` clean rows, as the server stores an uploaded one.
    public func referenceDataset(count: Int, seed: UInt64 = 0, createdAt: Date) -> ReferenceDataset {
        ReferenceDataset(
            modelID: id, source: "simulation", rows: referenceRows(count: count, seed: seed), schema: schema,
            createdAt: createdAt)
    }

    /// `count` clean rows as CSV text: a header of the feature names, then one line per row,
    /// whole numbers without a fractional part and missing values empty.
    public func referenceCSV(count: Int, seed: UInt64 = 0) -> String {
        var text = features.map(\.name).joined(separator: ",") + "\n"
        for row in referenceRows(count: count, seed: seed) {
            let cells = features.map { feature -> String in
                switch row[feature.name] ?? .missing {
                case .number(let number): FeatureValue.label(number)
                case .text(let category): category
                case .missing: ""
                }
            }
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }
}
