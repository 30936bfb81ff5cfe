import DriftWatchSimulation
import Foundation

/// The incidents `driftwatch demo` injects into its live traffic, one a minute: the fraud
/// model's amounts shift, then the price model slows down and fails more often, then what
/// drives churn changes while the inputs stay the same.
enum DemoIncidents {
    /// Seconds between one incident and the next.
    static let spacing: TimeInterval = 60

    /// The incident of `model`, starting `after` seconds plus its place in the sequence after
    /// the live traffic starts; it lasts until the demo stops.
    static func scenario(for model: DemoModel, after: TimeInterval) throws(SimulationConfigurationError) -> Scenario {
        let configuration: ScenarioConfiguration =
            switch model.kind {
            case .fraud:
                ScenarioConfiguration(type: .suddenDrift, features: ["amount"], magnitude: 2, startSeconds: after)
            case .price: ScenarioConfiguration(type: .latencySpike, startSeconds: after + spacing)
            case .churn: ScenarioConfiguration(type: .conceptDrift, startSeconds: after + 2 * spacing)
            }
        return try Scenario(configuration, model: model)
    }

    /// What an incident does, in a few words.
    static func summary(_ fault: FaultGroundTruth) -> String {
        switch fault.scenario {
        case .suddenDrift, .gradualDrift: "\(fault.scenario.rawValue) on \(fault.features.joined(separator: ", "))"
        case .latencySpike: "latency_spike (latency ×5, 5 % of requests fail)"
        case .conceptDrift:
            "concept_drift on \(fault.features.joined(separator: ", ")) (same inputs, different outcomes: accuracy drops)"
        case .dataQuality: "data_quality on \(fault.features.joined(separator: ", "))"
        case .labelDelay: "label_delay"
        }
    }
}
