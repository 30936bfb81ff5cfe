import DriftWatchCore
import DriftWatchSimulation
import Foundation

/// Sends the traffic of several streams to a server as the clock reaches it: every step, the
/// predictions whose time has come in one NDJSON request, then the labels that came due.
///
/// ```swift
/// var traffic = SimulationTraffic(client: client, streams: [stream])
/// let totals = try await traffic.run { step in print(step.eventsSent) }
/// ```
///
/// A request that fails is sent again at the next step (the server ignores ids it already
/// stored); after ``maxFailures`` failures in a row the run stops with the last error.
struct SimulationTraffic {
    /// What has been sent so far.
    struct Step {
        /// The time reached.
        var now: Date
        /// Inferences and labels the server acknowledged.
        var eventsSent: Int
        var labelsSent: Int
        /// Labels made but not yet due.
        var labelsPending: Int
    }

    let client: SimulationClient
    /// Labels waiting for their time; may start with labels of earlier traffic.
    var labels = LabelQueue()
    /// Wall-clock time between steps.
    var interval: Duration = .seconds(1)
    /// Failed steps in a row that end the run.
    var maxFailures = 10

    private var iterators: [TrafficStream.Iterator]
    private var upcoming: [SimulatedEvent?]

    /// Traffic of `streams`, sent at their events' timestamps.
    init(client: SimulationClient, streams: [TrafficStream], labels: LabelQueue = LabelQueue()) {
        self.client = client
        self.labels = labels
        iterators = streams.map { $0.makeIterator() }
        upcoming = []
        for index in iterators.indices { upcoming.append(iterators[index].next()) }
    }

    /// Sends until every stream has ended (and, with `waitForLabels`, every label was sent) or
    /// the task is cancelled; `step` sees the totals after each step.
    mutating func run(waitForLabels: Bool = false, step: (Step) async -> Void) async throws -> Step {
        var totals = Step(now: Date(), eventsSent: 0, labelsSent: 0, labelsPending: 0)
        var unsentEvents: [InferenceEvent] = []
        var unsentLabels: [LabelEvent] = []
        var failures = 0
        while !Task.isCancelled {
            let now = Date()
            unsentEvents += due(at: now)
            unsentLabels += labels.removeDue(at: now)
            do {
                try await client.store(unsentEvents)
                totals.eventsSent += unsentEvents.count
                unsentEvents = []
                try await client.store(unsentLabels)
                totals.labelsSent += unsentLabels.count
                unsentLabels = []
                failures = 0
            } catch {
                failures += 1
                if failures >= maxFailures { throw error }
            }
            totals.now = now
            totals.labelsPending = labels.count + unsentLabels.count
            await step(totals)
            let ended = upcoming.allSatisfy { $0 == nil } && unsentEvents.isEmpty
            if ended && (!waitForLabels || totals.labelsPending == 0) { break }
            try? await Task.sleep(for: interval)
        }
        return totals
    }

    /// The events of every stream with timestamps up to `now`, queueing their labels.
    private mutating func due(at now: Date) -> [InferenceEvent] {
        var events: [InferenceEvent] = []
        for index in iterators.indices {
            while let event = upcoming[index], event.inference.timestamp <= now {
                events.append(event.inference)
                if let label = event.label { labels.insert(label) }
                upcoming[index] = iterators[index].next()
            }
        }
        return events
    }
}
