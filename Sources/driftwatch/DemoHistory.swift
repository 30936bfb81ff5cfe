import DriftWatchCore
import DriftWatchSimulation
import Foundation

/// The last two hours of clean traffic of the demo models, with their labels, written straight
/// to the store so that charts are full within seconds of the demo starting.
///
/// Written in ten-minute chunks, newest first: the most recent minutes, which the dashboard
/// shows first, are stored before the older ones.
struct DemoHistory: Sendable {
    let store: any EventStore
    let models: [DemoModel]
    /// Predictions per second per model.
    let rate: Double
    let seed: UInt64
    /// Where the history ends and the live traffic begins.
    let end: Date

    /// How far back the history goes.
    static let length: TimeInterval = 7_200
    /// The span of one chunk.
    static let chunk: TimeInterval = 600
    /// Events per insert.
    static let batch = 5_000

    /// Chunks in the history.
    var chunkCount: Int { Int((Self.length / Self.chunk).rounded(.up)) }

    /// Writes chunk `index` (0 the newest); returns how many inferences it stored and the
    /// labels that are not yet due at ``end``, which the live traffic sends when they are.
    func write(chunk index: Int) async throws -> (events: Int, pending: [LabelEvent]) {
        let start = end.addingTimeInterval(-Double(index + 1) * Self.chunk)
        var stored = 0
        var pending: [LabelEvent] = []
        for model in models {
            let stream = try TrafficStream(
                model: model,
                configuration: TrafficConfiguration(
                    start: start, eventsPerSecond: rate, limit: .duration(Self.chunk),
                    seed: seed &+ 1 &+ UInt64(index),
                    requestIDPrefix: "\(model.id)-history-\(Int(end.timeIntervalSince1970))-\(index)"))
            var events: [InferenceEvent] = []
            var labels: [LabelEvent] = []
            for event in stream {
                events.append(event.inference)
                if let label = event.label {
                    if label.timestamp <= end { labels.append(label) } else { pending.append(label) }
                }
                if events.count == Self.batch {
                    stored += try await store.insert(events).count
                    events.removeAll(keepingCapacity: true)
                }
            }
            if !events.isEmpty { stored += try await store.insert(events).count }
            if !labels.isEmpty { try await store.insert(labels) }
        }
        return (stored, pending)
    }
}
