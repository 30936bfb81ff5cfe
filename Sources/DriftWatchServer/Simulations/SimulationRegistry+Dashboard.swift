extension SimulationRegistry: DashboardSimulationSource {
    /// Every simulation kept, newest first, with each monitor's detection delay and false alarms.
    func simulations() async throws -> [DashboardSimulation] {
        var answer: [DashboardSimulation] = []
        for simulation in list() {
            let score = try await fireDrill(simulation)
            let detections = score.monitors.compactMap { monitor -> DashboardDetection? in
                guard let outcome = score.report.outcome(of: monitor.name) else { return nil }
                return DashboardDetection(
                    monitor: monitor.name, delaySeconds: outcome.detectionDelaySeconds, falseAlarms: outcome.falseAlarms
                )
            }
            answer.append(
                DashboardSimulation(
                    id: simulation.id, scenario: simulation.request.scenario.type.rawValue, model: simulation.modelID,
                    state: simulation.state.rawValue, startedAt: simulation.trafficStart, detections: detections))
        }
        return answer
    }
}
