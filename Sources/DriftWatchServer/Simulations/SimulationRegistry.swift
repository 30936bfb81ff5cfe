import DriftWatchCore
import DriftWatchSimulation
import Foundation

/// The server's simulations: starts each one as a background task writing through the ingest
/// path, bounds how many run at once, and keeps the latest for readers.
///
/// ```swift
/// let simulation = try await registry.start(SimulationRequest(scenario: ScenarioConfiguration(type: .suddenDrift)))
/// let now = await registry.get(simulation.id)
/// ```
///
/// Readers (the API, the dashboard) take ``SimulationSnapshot``s with ``list()`` and
/// ``get(_:)``, and score one against the stored monitor results with ``fireDrill(_:)``.
/// Releasing the registry (the server stopping) cancels the simulations still running.
actor SimulationRegistry {
    /// Why a simulation was not started.
    enum Refusal: Error, Sendable {
        /// The request cannot be run; the error names the field.
        case invalid(SimulationConfigurationError)
        /// ``maxRunning`` simulations are already running.
        case busy(limit: Int)
    }

    /// How many simulations may run at once by default. Each writes up to
    /// ``SimulationRequest/maxRate`` events per simulated second, so a few at once already
    /// compete with clients for the ingest queue.
    static let defaultMaxRunning = 4
    /// How many ended simulations are kept for readers; older ones are forgotten.
    static let keptEnded = 50

    /// How many simulations may run at once.
    let maxRunning: Int
    private let sink: SimulationSink
    private let catalog: DemoModelCatalog
    private var simulations: [String: Simulation] = [:]
    /// Ids, oldest first.
    private var order: [String] = []

    private struct Simulation {
        var snapshot: SimulationSnapshot
        let progress: SimulationProgress
        let task: Task<Void, Never>

        var current: SimulationSnapshot {
            var current = snapshot
            current.progress = progress.current
            return current
        }
    }

    /// A registry writing through `sink`.
    init(sink: SimulationSink, catalog: DemoModelCatalog = DemoModelCatalog(), maxRunning: Int = defaultMaxRunning) {
        self.sink = sink
        self.catalog = catalog
        self.maxRunning = max(1, maxRunning)
    }

    deinit {
        for simulation in simulations.values { simulation.task.cancel() }
    }

    /// Validates `request`, makes sure its demo model and reference are in the store, and
    /// starts writing its traffic; returns the simulation as it starts.
    ///
    /// - Throws: ``Refusal`` for a request that cannot run or when too many are running;
    ///   storage errors as they come.
    nonisolated func start(_ request: SimulationRequest) async throws -> SimulationSnapshot {
        let model = try catalog.model(request.model)
        let scenario: Scenario
        do throws(SimulationConfigurationError) {
            try request.validate()
        } catch {
            throw Refusal.invalid(error)
        }
        do throws(SimulationConfigurationError) {
            scenario = try Scenario(request.scenario, model: model)
        } catch {
            throw Refusal.invalid(
                SimulationConfigurationError(field: "scenario.\(error.field)", message: error.message))
        }
        guard await runningCount < maxRunning else { throw Refusal.busy(limit: maxRunning) }
        try await catalog.prepare(model, models: sink.models, store: sink.store)
        return try await launch(request, model: model, scenario: scenario)
    }

    /// Every simulation kept, newest first.
    func list() -> [SimulationSnapshot] {
        order.reversed().compactMap { simulations[$0]?.current }
    }

    /// The simulation with `id`, if it is kept.
    func get(_ id: String) -> SimulationSnapshot? { simulations[id]?.current }

    /// Stops the simulation with `id` if it is running; returns it, or nil when unknown.
    func cancel(_ id: String) -> SimulationSnapshot? {
        guard let simulation = simulations[id] else { return nil }
        simulation.task.cancel()
        simulation.progress.end(.cancelled)
        return simulation.current
    }

    /// How the scheduled monitors did against the simulation's fault so far.
    nonisolated func fireDrill(_ simulation: SimulationSnapshot) async throws -> FireDrillScore {
        try await FireDrillScore.score(
            simulation, model: try catalog.model(simulation.request.model), store: sink.store)
    }

    /// How many simulations are running.
    var runningCount: Int { simulations.values.count { $0.progress.current.state == .running } }

    private func launch(_ request: SimulationRequest, model: DemoModel, scenario: Scenario) throws
        -> SimulationSnapshot
    {
        // Checked again: other requests may have started while this one prepared its model.
        guard runningCount < maxRunning else { throw Refusal.busy(limit: maxRunning) }
        let id = "sim-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let now = Date()
        let start = Self.trafficStart(after: now, timeScale: request.timeScale)
        let stream: TrafficStream
        do {
            stream = try TrafficStream(
                model: model, scenarios: [scenario],
                configuration: TrafficConfiguration(
                    start: start, eventsPerSecond: request.rate, limit: .duration(request.durationSeconds),
                    seed: request.seed, requestIDPrefix: id))
        } catch {
            throw Refusal.invalid(error)
        }
        let progress = SimulationProgress()
        let driver = SimulationDriver(stream: stream, timeScale: request.timeScale, sink: sink, progress: progress)
        let snapshot = SimulationSnapshot(
            id: id, request: request, createdAt: now, trafficStart: start,
            fault: scenario.groundTruth(trafficStart: start), progress: progress.current)
        let task = Task.detached { await driver.run() }
        simulations[id] = Simulation(snapshot: snapshot, progress: progress, task: task)
        order.append(id)
        forgetOldEnded()
        return snapshot
    }

    /// When a simulation accepted at `now` starts its traffic: the next whole second, so that
    /// times read back from the store (in milliseconds) compare exactly with the fault's; the
    /// next whole minute when time-scaled, so that monitor rounds run at whole minutes of
    /// simulated time read exactly the traffic before them (profiles are read in whole minutes).
    static func trafficStart(after now: Date, timeScale: Double) -> Date {
        let unit: TimeInterval = timeScale > 1 ? 60 : 1
        return Date(timeIntervalSince1970: (now.timeIntervalSince1970 / unit).rounded(.up) * unit)
    }

    /// Drops the oldest ended simulations beyond ``keptEnded``.
    private func forgetOldEnded() {
        var ended = order.filter { simulations[$0]?.progress.current.state != .running }
        while ended.count > Self.keptEnded {
            let oldest = ended.removeFirst()
            simulations[oldest] = nil
            order.removeAll { $0 == oldest }
        }
    }
}
