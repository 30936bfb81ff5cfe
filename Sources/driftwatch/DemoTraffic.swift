import DriftWatchCore
import DriftWatchSQLite
import DriftWatchSimulation
import Foundation

/// The demo's data: declares the three demo models with their references, writes two hours
/// of history, then sends live traffic with incidents to the demo's own server over HTTP
/// until cancelled.
struct DemoTraffic: Sendable {
    let store: SQLiteEventStore
    let client: SimulationClient
    /// The base URL printed for people.
    let publicURL: String
    let dataDirectory: String
    /// Predictions per second per model.
    let rate: Double
    let seed: UInt64
    /// Seconds of live traffic before the first incident.
    let incidentAfter: TimeInterval

    /// Rows of each model's reference dataset.
    static let referenceRows = 5_000
    /// How long to wait for the server to answer before giving up.
    static let startupTimeout: Duration = .seconds(60)

    func run() async throws {
        try await waitForServer()
        printWelcome()
        let models = try DemoModel.all(seed: seed)
        try await declare(models)
        let liveStart = Date()
        let history = DemoHistory(store: store, models: models, rate: rate, seed: seed, end: liveStart)
        let recent = try await history.write(chunk: 0)
        var queue = LabelQueue()
        for label in recent.pending { queue.insert(label) }
        let pending = queue
        let streams = try models.map { model in
            try TrafficStream(
                model: model, scenarios: [try DemoIncidents.scenario(for: model, after: incidentAfter)],
                configuration: TrafficConfiguration(
                    start: liveStart, eventsPerSecond: rate, seed: seed,
                    requestIDPrefix: "\(model.id)-live-\(Int(liveStart.timeIntervalSince1970))"))
        }
        printSchedule(streams.flatMap(\.faults))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var stored = recent.events
                for index in 1..<history.chunkCount { stored += try await history.write(chunk: index).events }
                let seconds = String(format: "%.1f", Date().timeIntervalSince(liveStart))
                emit("History: \(stored) predictions of the last 2 hours stored in \(seconds) s.")
            }
            group.addTask {
                var traffic = SimulationTraffic(client: client, streams: streams, labels: pending)
                _ = try await sendLive(&traffic, faults: streams.flatMap(\.faults))
            }
            try await group.waitForAll()
        }
    }

    /// Sends the live traffic, announcing each incident as it starts and the totals every minute.
    private func sendLive(_ traffic: inout SimulationTraffic, faults: [FaultGroundTruth]) async throws
        -> SimulationTraffic.Step
    {
        var announced = 0
        var nextReport = Date().addingTimeInterval(60)
        let sorted = faults.sorted { $0.start < $1.start }
        return try await traffic.run { step in
            while announced < sorted.count, sorted[announced].start <= step.now {
                let fault = sorted[announced]
                emit(
                    "\(SimulationReportText.clock(step.now))  incident started: \(fault.modelID) \(DemoIncidents.summary(fault))"
                )
                announced += 1
            }
            if step.now >= nextReport {
                emit(
                    "\(SimulationReportText.clock(step.now))  live: \(step.eventsSent) predictions and \(step.labelsSent) labels sent"
                )
                nextReport = step.now.addingTimeInterval(60)
            }
        }
    }

    /// Declares each model (keeping one already declared) and stores its reference when it has none.
    private func declare(_ models: [DemoModel]) async throws {
        for model in models {
            if try await store.model(id: model.id) == nil { try await store.save(model.definition(createdAt: Date())) }
            if try await store.reference(modelID: model.id) == nil {
                try await store.save(
                    model.referenceDataset(count: Self.referenceRows, seed: seed, createdAt: Date()))
            }
        }
    }

    private func waitForServer() async throws {
        let deadline = ContinuousClock.now + Self.startupTimeout
        while ContinuousClock.now < deadline {
            if let (status, _) = try? await client.get("/health"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw SimulationClient.Failure.unreachable(target: client.target, reason: "the demo server did not start")
    }

    private func printWelcome() {
        emit(
            """
            DriftWatch demo is running.
              Dashboard  \(publicURL)/
              Models     \(publicURL)/v1/models
              Overview   \(publicURL)/v1/models/fraud/overview?window=2h
              Drift      \(publicURL)/v1/models/fraud/drift?window=15m
              API        \(publicURL)/openapi.json
              Metrics    \(publicURL)/metrics
              Data       \(dataDirectory)
            Models fraud (binary), price (regression) and churn (binary), \(FeatureValue.label(rate)) predictions/s each;
            monitors run every 15 s over the last 15 minutes. Press Ctrl-C to stop.
            """)
    }

    private func printSchedule(_ faults: [FaultGroundTruth]) {
        for fault in faults.sorted(by: { $0.start < $1.start }) {
            emit(
                "Incident at \(SimulationReportText.clock(fault.start)): \(fault.modelID) \(DemoIncidents.summary(fault))"
            )
        }
    }

}
