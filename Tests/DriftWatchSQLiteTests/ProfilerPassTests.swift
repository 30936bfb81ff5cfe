import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Synchronization
import Testing

/// A real SQLite store that records the limit of every read of events to profile.
private final class PassRecordingStore: ForwardingProfileStore {
    let backing: SQLiteEventStore
    private let recorded = Mutex<[Int]>([])

    init(backing: SQLiteEventStore) { self.backing = backing }

    /// The limits the profiler read events with, in order.
    var limits: [Int] { recorded.withLock { $0 } }

    func eventsToProfile(after position: Int64, limit: Int) async throws -> [ProfiledEvent] {
        recorded.withLock { $0.append(limit) }
        return try await backing.eventsToProfile(after: position, limit: limit)
    }
}

/// While the profiler is behind, its passes grow up to a ceiling, and the profiles are the same
/// as with passes of one size.
@Suite struct ProfilerPassTests {
    private static let start = Date(timeIntervalSince1970: 1_790_000_000)

    /// A backfill: events spread over a day, a few segment values, some labelled.
    private static func fill(_ store: SQLiteEventStore, count: Int) async throws {
        let events = (0..<count).map { (i: Int) -> InferenceEvent in
            let offset: TimeInterval = Double(i * 7919 % 86_400)
            let features: [String: FeatureValue] = [
                "x": .number(Double(i % 101)), "c": .text(i % 3 == 0 ? "a" : "b"),
            ]
            let region: String = i % 4 == 0 ? "eu" : "us"
            return InferenceEvent(
                modelID: "m", requestID: "r\(i)", timestamp: start + offset, predictionNumber: Double(i % 2),
                latencyMilliseconds: Double(i % 40), features: features, segments: ["region": region])
        }
        _ = try await store.insert(events)
        try await store.insert(
            stride(from: 0, to: count, by: 5).map { i in
                LabelEvent(modelID: "m", requestID: "r\(i)", timestamp: start + 90_000, truthNumber: 1)
            })
    }

    @Test func passesDoubleWhileBehindUpToTheCeiling() async throws {
        let database = TemporaryDatabase()
        let store = PassRecordingStore(backing: try await database.open())
        try await Self.fill(store.backing, count: 5_000)
        #expect(try await Profiler(store: store, batchSize: 300, maxBatchSize: 2_000).catchUp() == 5_000)
        // 300 + 600 + 1,200 + 2,000 + 2,000 = 6,100: the fifth pass is not full and ends it.
        #expect(store.limits == [300, 600, 1_200, 2_000, 2_000])
        #expect(try await Profiler(store: store, batchSize: 300, maxBatchSize: 2_000).catchUp() == 0)
        #expect(store.limits.last == 300, "a new catch-up starts from the batch size")
    }

    @Test func withoutACeilingPassesKeepTheirSize() async throws {
        let database = TemporaryDatabase()
        let store = PassRecordingStore(backing: try await database.open())
        try await Self.fill(store.backing, count: 1_000)
        let profiler = Profiler(store: store, batchSize: 300)
        #expect(profiler.maxBatchSize == 300)
        #expect(try await profiler.catchUp() == 1_000)
        #expect(store.limits == [300, 300, 300, 300])
        #expect(Profiler(store: store, batchSize: 300, maxBatchSize: 100).maxBatchSize == 300)
    }

    @Test func growingPassesBuildTheSameProfiles() async throws {
        let growing = TemporaryDatabase()
        let fixed = TemporaryDatabase()
        let a = try await growing.open()
        let b = try await fixed.open()
        // Few enough that every sketch is exact, so that the two can be compared value by value
        // (merged in another order, sketches that compact keep other items).
        try await Self.fill(a, count: 150)
        try await Self.fill(b, count: 150)
        #expect(try await Profiler(store: a, batchSize: 20, maxBatchSize: 80).catchUp() == 150)
        #expect(try await Profiler(store: b, batchSize: 20).catchUp() == 150)
        let to = Self.start + 2 * 86_400
        for resolution in ProfileResolution.allCases {
            for segment in [ProfileBuilder.allTraffic, nil] as [String?] {
                let x = try await a.profiles(
                    modelID: "m", version: nil, segment: segment, resolution: resolution, from: Self.start, to: to)
                let y = try await b.profiles(
                    modelID: "m", version: nil, segment: segment, resolution: resolution, from: Self.start, to: to)
                #expect(!x.isEmpty && x.map(\.key) == y.map(\.key))
                #expect(x.allSatisfy { $0.profile.latency.isExact })
                #expect(
                    zip(x, y).allSatisfy { ProfileComparison.same($0.profile, $1.profile) },
                    "\(resolution) \(segment ?? "segments")")
                let labelsX = try await a.profiles(
                    modelID: "m", version: nil, segment: segment, resolution: resolution, from: Self.start, to: to,
                    detail: .labels)
                let labelsY = try await b.profiles(
                    modelID: "m", version: nil, segment: segment, resolution: resolution, from: Self.start, to: to,
                    detail: .labels)
                #expect(labelsX.map(\.profile.labeled) == labelsY.map(\.profile.labeled))
            }
        }
    }
}
