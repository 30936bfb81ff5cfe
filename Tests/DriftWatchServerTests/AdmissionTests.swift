import DriftWatchCore
import DriftWatchServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A store whose writes wait until released, to hold events in the ingest queue.
private actor GatedStore: EventStore {
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private(set) var stored = 0
    private(set) var started = 0

    func migrate() async throws {}

    func insert(_ events: [InferenceEvent]) async throws -> [Bool] {
        started += 1
        await withCheckedContinuation { waiting.append($0) }
        stored += events.count
        return events.map { _ in true }
    }

    func insert(_ labels: [LabelEvent]) async throws {}
    func event(modelID: String, requestID: String) async throws -> StoredEvent? { nil }
    func inferenceCount(modelID: String?) async throws -> Int { stored }
    func save(_ model: ModelDefinition) async throws {}
    func saveIfAbsent(_ model: ModelDefinition) async throws -> ModelDefinition { model }
    func models() async throws -> [ModelDefinition] { [] }
    func model(id: String) async throws -> ModelDefinition? { nil }
    func schemaViolationCounts(modelID: String) async throws -> [SchemaViolationCount] { [] }
    func labeled(modelID: String, from: Date, to: Date, limit: Int) async throws -> [LabeledWindow.Pair] { [] }
    func save(_ results: [MonitorResult]) async throws {}
    func results(
        modelID: String, version: String, segment: String, metric: String, feature: String?, from: Date, to: Date
    ) async throws -> [MonitorResult] { [] }
    func profilePosition() async throws -> ProfilePosition { ProfilePosition(events: 0, labels: 0) }
    func storedPosition() async throws -> ProfilePosition { ProfilePosition(events: 0, labels: 0) }
    func recentEvents(modelID: String, from: Date, to: Date, limit: Int) async throws -> [InferenceEvent] { [] }
    func eventsToProfile(after position: Int64, limit: Int) async throws -> [ProfiledEvent] { [] }
    func labelsToProfile(after position: Int64, events: Int64, limit: Int) async throws -> LabelChanges {
        LabelChanges(through: position, read: 0, changes: [])
    }
    func mergeProfiles(
        _ increments: [ProfileKey: TrafficProfile], after start: ProfilePosition, through position: ProfilePosition,
        counted: [CountedLabel]
    ) async throws -> Bool { true }
    func profiles(
        modelID: String, version: String?, segment: String?, resolution: ProfileResolution, from: Date, to: Date,
        detail: ProfileDetail
    ) async throws -> [ProfileBucket] { [] }
    func hasMinuteProfiles(modelID: String, from: Date, to: Date) async throws -> Bool { false }
    func modelVersions(modelID: String) async throws -> [String] { [] }
    func deleteAllProfiles() async throws {}
    func deleteEvents(before date: Date, limit: Int) async throws -> Int { 0 }
    func deleteProfiles(resolution: ProfileResolution, before date: Date, limit: Int) async throws -> Int { 0 }
    func dailyMetrics(modelID: String, from: Date, to: Date) async throws -> [DailyMetrics] { [] }
    func saveDailyPerformance(
        modelID: String, day: Date, labelCoverage: Double?, metric: String?, value: Double?
    ) async throws {}
    func save(_ reference: ReferenceDataset) async throws {}
    func reference(modelID: String, version: String?) async throws -> ReferenceDataset? { nil }
    func referenceVersions(modelID: String) async throws -> [String] { [] }
    func resultStatistics(of series: [SeriesKey], from: Date, to: Date) async throws -> [ResultStatistics?] {
        series.map { _ in nil }
    }
    func deleteReference(modelID: String, version: String?) async throws -> Bool { false }
    func features(modelID: String, version: String?, from: Date, to: Date, limit: Int) async throws
        -> [[String: FeatureValue]]
    { [] }
    func activity(modelID: String) async throws -> ModelActivity {
        ModelActivity(inferences: stored, labels: 0, firstEvent: nil, lastEvent: nil)
    }

    func openGate() {
        for continuation in waiting { continuation.resume() }
        waiting.removeAll()
    }
}

@Suite struct AdmissionTests {
    @Test func aFullIngestQueueAnswers429WithRetryAfter() async throws {
        let store = GatedStore()
        let app = Application(
            router: DriftWatchServer.router(store: store, limits: IngestLimits(maxPendingEvents: 10)))
        try await app.test(.live) { client in
            let batch = (0..<8).map { #"{"model_id": "m", "request_id": "a\#($0)"}"# }.joined(separator: "\n")
            let port = client.port
            async let first = postLive(port: port, "/v1/inferences", batch, contentType: "application/x-ndjson")
            while await store.started == 0 { try await Task.sleep(for: .milliseconds(5)) }
            // A second connection, while the first batch waits for its commit.
            let second = (0..<8).map { #"{"model_id": "m", "request_id": "b\#($0)"}"# }.joined(separator: "\n")
            let refused = try await postLive(port: port, "/v1/inferences", second, contentType: "application/x-ndjson")
            #expect(refused.status == 429)
            #expect(refused.headers["Retry-After"] as? String == "1")
            await store.openGate()
            #expect(try await first.status == 200, "the first batch is admitted and acknowledged after commit")
            #expect(await store.stored == 8)
        }
    }
}
