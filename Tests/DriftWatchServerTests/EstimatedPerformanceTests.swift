import DriftStats
import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Logging
import Testing

@testable import DriftWatchServer

/// Estimated performance (CBPE) in the scheduled monitors, and the gap to realized performance
/// as a concept-drift signal.
@Suite struct EstimatedPerformanceTests {
    /// A calibrated binary model: p ~ U(0, 1), truth ~ Bernoulli(p), predicted p ≥ 0.5. Its
    /// expected accuracy is E[max(p, 1 − p)] = 3/4. `flipped` reverses the labels of the current
    /// window (the relation between inputs and labels changed).
    func round(flipped: Bool) async throws -> [String: Double] {
        let directory = NSTemporaryDirectory() + "driftwatch-cbpe-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteEventStore(path: directory + "/driftwatch.sqlite")
        try await store.migrate()
        let models = ModelRegistry(store: store)
        _ = try await models.declare(
            ModelDefinition(id: "m", task: .binary, schema: ModelSchema(), origin: .declared, createdAt: Date()))
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        var generator = SeededRandomNumberGenerator(seed: 11)
        var events: [InferenceEvent] = []
        var labels: [LabelEvent] = []
        // 4,000 labelled predictions over the previous six days, 2,000 in the last hour.
        for k in 0..<6_000 {
            let current = k >= 4_000
            let ts = current ? now - 3_600 + Double(k - 4_000) * 1.5 : now - 6 * 86_400 + Double(k) * 120
            let p = Double.random(in: 0..<1, using: &generator)
            var truth = Double.random(in: 0..<1, using: &generator) < p
            if current && flipped { truth.toggle() }
            events.append(
                InferenceEvent(
                    modelID: "m", requestID: "r\(k)", timestamp: ts, predictionText: p >= 0.5 ? "1" : "0",
                    probabilities: ["1": p, "0": 1 - p]))
            labels.append(LabelEvent(modelID: "m", requestID: "r\(k)", timestamp: ts, truthNumber: truth ? 1 : 0))
        }
        _ = try await store.insert(events)
        try await store.insert(labels)
        let runner = MonitorRunner(
            checks: ModelChecks(store: store, models: models), metrics: ServerMetrics(), window: 3600,
            logger: Logger(label: "test"))
        let results = try await runner.runOnce(now: now)
        return Dictionary(results.filter { $0.feature.isEmpty }.compactMap { r in r.value.map { (r.metric, $0) } }) {
            first, _ in first
        }
    }

    @Test func estimatedAccuracyTracksRealizedAccuracyWhileTheConceptHolds() async throws {
        let values = try await round(flipped: false)
        let estimated = try #require(values["estimated_accuracy"])
        let realized = try #require(values["accuracy"])
        #expect(abs(estimated - 0.75) < 0.03, "\(estimated)")
        #expect(abs(realized - 0.75) < 0.04, "\(realized)")
        #expect(abs(try #require(values["performance_gap_accuracy"])) < 0.05)
        #expect(values["estimated_roc_auc"] != nil)
    }

    @Test func aChangedConceptOpensAGapBetweenEstimatedAndRealized() async throws {
        let values = try await round(flipped: true)
        let estimated = try #require(values["estimated_accuracy"])
        let realized = try #require(values["accuracy"])
        #expect(abs(estimated - 0.75) < 0.03, "the inputs did not change, so neither does the estimate")
        #expect(realized < 0.3)
        #expect(try #require(values["performance_gap_accuracy"]) > 0.4)
    }
}
