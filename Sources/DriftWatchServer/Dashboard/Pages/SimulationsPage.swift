import DriftWatchSimulation
import Foundation

/// `/simulations`: failure scenarios injected into demo traffic, with how quickly each
/// monitor detected them; or, before the first one, how to start one.
struct SimulationsPage: DashboardPage {
    let sources: DashboardSources

    /// One monitor's result in a simulation.
    struct Detection: Sendable {
        let monitor: String
        let delay: String
        let detected: Bool
        let falseAlarms: String
    }

    /// One row of the page's table.
    struct Row: Sendable {
        let id: String
        let scenario: String
        let model: String
        let modelHref: String
        let state: String
        let startedAt: String
        let startedAtISO: String
        let detections: [Detection]
        let hasDetections: Bool
    }

    /// What the page's template shows.
    struct View: Sendable {
        let rows: [Row]
        let hasRows: Bool
        let empty: EmptyState?
    }

    func document(for request: DashboardRequest) async throws -> DashboardDocument {
        let simulations = try await sources.simulations?.simulations() ?? []
        let rows = simulations.map { simulation in
            Row(
                id: simulation.id, scenario: simulation.scenario, model: simulation.model,
                modelHref: DashboardLinks.model(simulation.model, .overview), state: simulation.state,
                startedAt: DashboardFormat.time(simulation.startedAt),
                startedAtISO: Timestamps.format(simulation.startedAt),
                detections: simulation.detections.map {
                    Detection(
                        monitor: $0.monitor,
                        delay: $0.delaySeconds.map { "detected after " + DashboardFormat.duration($0) }
                            ?? "not detected",
                        detected: $0.delaySeconds != nil,
                        falseAlarms: $0.falseAlarms == 1 ? "1 false alarm" : "\($0.falseAlarms) false alarms")
                },
                hasDetections: !simulation.detections.isEmpty)
        }
        let scenarios = ScenarioKind.allCases.map(\.rawValue).joined(separator: ", ")
        let view = View(
            rows: rows, hasRows: !rows.isEmpty,
            empty: rows.isEmpty
                ? EmptyState(
                    heading: "No simulations yet",
                    text:
                        "A simulation injects a failure (\(scenarios)) into a demo model's traffic and measures how quickly each monitor notices. Start the demo server, then a scenario:",
                    commands: ["driftwatch demo", "curl -X POST \(request.origin)/simulate/sudden_drift"])
                : nil)
        return DashboardDocument(
            heading: "Simulations", title: "Simulations", section: .simulations, usesWindow: false,
            body: DashboardView.render(.simulations, view))
    }
}
