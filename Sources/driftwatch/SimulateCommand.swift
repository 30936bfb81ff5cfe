import ArgumentParser
import DriftWatchCore
import DriftWatchServer
import DriftWatchSimulation
import Foundation

/// `driftwatch simulate`: drives a running server with a demo model's traffic and an injected
/// fault, then reads back how the server's monitors did (a fire drill).
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Send a demo model's traffic with an injected fault to a running server, then score its monitors.",
        discussion: """
            SCENARIO is one of gradual_drift, sudden_drift, data_quality, latency_spike, concept_drift, \
            label_delay. The model is declared on the server, with its reference dataset, when it is missing. \
            Predictions are sent over HTTP in real time, labels when they come due. At the end, the \
            monitor results the server stored during the drill are scored against the fault: whether each \
            monitor detected it, how fast, and its false alarms before. The server's monitors run every \
            monitoring.interval (60 s by default, 15 s in `driftwatch demo`), so a drill should last a few \
            rounds. Exit status 2 when the server cannot be reached or the input is invalid.
            """
    )

    @Argument(help: "The fault to inject.")
    var scenario: String

    @Option(help: "The server's base URL.")
    var target = "http://127.0.0.1:8000"

    @Option(help: "The demo model: fraud, price or churn.")
    var model = "fraud"

    @Option(help: "Predictions per second.")
    var rate = 50.0

    @Option(help: "Seconds of traffic.")
    var duration = 60.0

    @Option(help: "The fault's strength (its meaning depends on the scenario; see the README).")
    var magnitude: Double?

    @Option(help: "The features the fault affects, comma-separated (default: the model's usual suspects).")
    var features: String?

    @Option(help: "Fixes the traffic.")
    var seed: UInt64 = 0

    @Option(help: "Seconds of clean traffic before the fault starts.")
    var startAfter = 0.0

    func run() async throws {
        let (demoModel, scenario) = try plan()
        guard let client = SimulationClient(target: target) else {
            throw badInput("--target: \(target) is not an http:// or https:// URL")
        }
        do {
            let (status, body) = try await client.get("/health")
            guard status == 200 else {
                throw badInput("\(target)/health answered \(status): \(String(decoding: body, as: UTF8.self))")
            }
            try await SimulationSetup(client: client, model: demoModel).prepare()
        } catch let failure as SimulationClient.Failure {
            throw badInput(failure.description)
        }
        let prefix = "\(demoModel.id)-cli-" + UUID().uuidString.prefix(8).lowercased()
        let stream = try TrafficStream(
            model: demoModel, scenarios: [scenario],
            configuration: TrafficConfiguration(
                start: Date(), eventsPerSecond: rate, limit: .duration(duration), seed: seed, requestIDPrefix: prefix))
        let fault = stream.faults[0]
        emit(SimulationReportText.plan(fault: fault, rate: rate, duration: duration, target: client.target))
        var traffic = SimulationTraffic(client: client, streams: [stream])
        let totals: SimulationTraffic.Step
        do {
            totals = try await send(&traffic, fault: fault)
        } catch {
            throw badInput("sending traffic failed: \(error)")
        }
        emit(
            "Sent \(totals.eventsSent) predictions and \(totals.labelsSent) labels"
                + (totals.labelsPending > 0 ? "; \(totals.labelsPending) labels not yet due were not sent." : "."))
        let observations: [MonitorObservation]
        let monitors = FireDrillMonitor.standard(for: fault, model: demoModel)
        do throws(SimulationClient.Failure) {
            observations = try await SimulationSetup(client: client, model: demoModel).observations(
                of: monitors, from: stream.configuration.start, to: Date().addingTimeInterval(1))
        } catch {
            throw badInput("reading the monitor results failed: \(error.description)")
        }
        emit(SimulationReportText.report(observations, monitors, fault))
    }

    /// The model and the bound scenario, or exit status 2 naming the flag at fault.
    private func plan() throws -> (DemoModel, Scenario) {
        guard let kind = ScenarioKind(rawValue: scenario) else {
            throw badInput(
                "unknown scenario '\(scenario)'; expected one of \(ScenarioKind.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        guard let modelKind = DemoModelKind(rawValue: model) else {
            throw badInput(
                "--model: unknown demo model '\(model)'; expected one of \(DemoModelKind.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        guard rate.isFinite, rate > 0, rate <= 5_000 else { throw badInput("--rate must be in (0, 5000], got \(rate)") }
        guard duration.isFinite, duration > 0 else { throw badInput("--duration must be positive, got \(duration)") }
        guard startAfter.isFinite, startAfter >= 0, startAfter < duration else {
            throw badInput("--start-after must be at least 0 and less than --duration (\(duration)), got \(startAfter)")
        }
        let names = features?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let ramps = kind == .gradualDrift || kind == .dataQuality
        let configuration = ScenarioConfiguration(
            type: kind, features: names, magnitude: magnitude, startSeconds: startAfter,
            durationSeconds: ramps ? duration - startAfter : nil, seed: seed)
        let demoModel = try DemoModel(modelKind)
        do throws(SimulationConfigurationError) {
            return (demoModel, try Scenario(configuration, model: demoModel))
        } catch {
            let flags = ["magnitude": "--magnitude", "start_seconds": "--start-after", "features": "--features"]
            let field = error.field.hasPrefix("features[") ? "--features" : flags[error.field] ?? error.field
            throw badInput("\(field): \(error.message)")
        }
    }

    /// Sends the traffic, printing progress every five seconds and the fault as it starts.
    private func send(_ traffic: inout SimulationTraffic, fault: FaultGroundTruth) async throws
        -> SimulationTraffic.Step
    {
        let start = Date()
        var nextReport = start.addingTimeInterval(5)
        var faultAnnounced = false
        return try await traffic.run { step in
            if !faultAnnounced, step.now >= fault.start {
                emit("  fault started: \(fault.scenario.rawValue)")
                faultAnnounced = true
            }
            if step.now >= nextReport {
                let elapsed = Int(step.now.timeIntervalSince(start).rounded())
                emit("  \(elapsed) s: \(step.eventsSent) predictions, \(step.labelsSent) labels sent")
                nextReport = step.now.addingTimeInterval(5)
            }
        }
    }
}
