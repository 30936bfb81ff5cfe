import DriftStats
import DriftWatchCore
import DriftWatchSimulation
import Foundation
import Testing

/// The demo models, fitted once for the whole test run (fitting is deterministic).
enum Models {
    static let fraud = fitted(.fraud)
    static let price = fitted(.price)
    static let churn = fitted(.churn)

    static func model(_ kind: DemoModelKind) -> DemoModel {
        switch kind {
        case .fraud: fraud
        case .price: price
        case .churn: churn
        }
    }

    private static func fitted(_ kind: DemoModelKind) -> DemoModel {
        do {
            return try DemoModel(kind)
        } catch {
            fatalError("cannot fit the \(kind) demo model: \(error)")
        }
    }
}

/// A fixed start time, so that event timestamps are comparable between runs.
let trafficStart = Date(timeIntervalSince1970: 1_750_000_000)

/// `count` events of `model` at 10 regular events per second, with `scenarios`.
func events(
    _ model: DemoModel, _ scenarios: [ScenarioConfiguration] = [], count: Int, seed: UInt64 = 1
) throws -> [SimulatedEvent] {
    let bound = try scenarios.map { configuration throws(SimulationConfigurationError) in
        try Scenario(configuration, model: model)
    }
    let configuration = TrafficConfiguration(
        start: trafficStart, eventsPerSecond: 10, limit: .count(count), seed: seed, arrivals: .regular)
    return Array(try TrafficStream(model: model, scenarios: bound, configuration: configuration))
}

/// Seconds after `trafficStart`.
func offset(_ event: SimulatedEvent) -> Double { event.inference.timestamp.timeIntervalSince(trafficStart) }

extension SimulatedEvent {
    /// The number logged for `feature`, nil when missing.
    func number(_ feature: String) -> Double? {
        if case .number(let value) = inference.features[feature] { return value }
        return nil
    }
}

/// The mean of `values`.
func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

/// The fraction of labelled, successful events whose predicted class equals the label.
func accuracy(_ events: [SimulatedEvent]) -> Double {
    let pairs = events.compactMap { event in event.label.map { (event.inference.predictionNumber, $0.truthNumber) } }
    return Double(pairs.filter { $0.0 == $0.1 }.count) / Double(pairs.count)
}

/// The KS p-value between two samples.
func ksPValue(_ a: [Double], _ b: [Double]) throws -> Double {
    try KolmogorovSmirnovTest.test(SortedSample(a), SortedSample(b)).pValue ?? .nan
}

/// The q-quantile of `values` (nearest rank).
func quantile(_ values: [Double], _ q: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((q * Double(sorted.count)).rounded(.up)) - 1)]
}
