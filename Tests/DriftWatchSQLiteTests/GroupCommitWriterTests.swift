import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Testing

/// A real SQLite store whose first inference write waits for a gate, so that a test can line up
/// writes behind it; later writes can be made to fail.
private actor GatedSQLiteStore: EventStore, ForwardingProfileStore {
    nonisolated let backing: SQLiteEventStore
    private var gate: CheckedContinuation<Void, Never>?
    private var gated = true
    private(set) var insertCalls = 0
    private(set) var batchSizes: [Int] = []
    var failNext = false

    init(backing: SQLiteEventStore) { self.backing = backing }

    func openGate() {
        gated = false
        gate?.resume()
        gate = nil
    }

    func failNextInsert() { failNext = true }

    nonisolated func prepare(_ events: [InferenceEvent]) throws -> PreparedInferences {
        try backing.prepare(events)
    }

    func insert(prepared batches: [PreparedInferences]) async throws -> [Bool] {
        insertCalls += 1
        batchSizes.append(batches.reduce(0) { $0 + $1.count })
        if gated { await withCheckedContinuation { gate = $0 } }
        if failNext {
            failNext = false
            throw CocoaError(.fileWriteUnknown)
        }
        return try await backing.insert(prepared: batches)
    }

    func insert(_ events: [InferenceEvent]) async throws -> [Bool] {
        try await insert(prepared: [prepare(events)])
    }

    func migrate() async throws { try await backing.migrate() }
    func insert(_ labels: [LabelEvent]) async throws { try await backing.insert(labels) }
    func event(modelID: String, requestID: String) async throws -> StoredEvent? {
        try await backing.event(modelID: modelID, requestID: requestID)
    }
    func inferenceCount(modelID: String?) async throws -> Int { try await backing.inferenceCount(modelID: modelID) }
    func save(_ model: ModelDefinition) async throws { try await backing.save(model) }
    func saveIfAbsent(_ model: ModelDefinition) async throws -> ModelDefinition {
        try await backing.saveIfAbsent(model)
    }
    func models() async throws -> [ModelDefinition] { try await backing.models() }
    func model(id: String) async throws -> ModelDefinition? { try await backing.model(id: id) }
    func schemaViolationCounts(modelID: String) async throws -> [SchemaViolationCount] {
        try await backing.schemaViolationCounts(modelID: modelID)
    }
    func activity(modelID: String) async throws -> ModelActivity { try await backing.activity(modelID: modelID) }
    func labeled(modelID: String, from: Date, to: Date, limit: Int) async throws -> [LabeledWindow.Pair] {
        try await backing.labeled(modelID: modelID, from: from, to: to, limit: limit)
    }
    func save(_ results: [MonitorResult]) async throws { try await backing.save(results) }
    func results(
        modelID: String, version: String, segment: String, metric: String, feature: String?, from: Date, to: Date
    ) async throws -> [MonitorResult] {
        try await backing.results(
            modelID: modelID, version: version, segment: segment, metric: metric, feature: feature, from: from, to: to)
    }
    func recentEvents(modelID: String, from: Date, to: Date, limit: Int) async throws -> [InferenceEvent] {
        try await backing.recentEvents(modelID: modelID, from: from, to: to, limit: limit)
    }
    func save(_ reference: ReferenceDataset) async throws { try await backing.save(reference) }
    func reference(modelID: String, version: String?) async throws -> ReferenceDataset? {
        try await backing.reference(modelID: modelID, version: version)
    }
    func resultStatistics(of series: [SeriesKey], from: Date, to: Date) async throws -> [ResultStatistics?] {
        try await backing.resultStatistics(of: series, from: from, to: to)
    }
    func referenceVersions(modelID: String) async throws -> [String] {
        try await backing.referenceVersions(modelID: modelID)
    }
    func deleteReference(modelID: String, version: String?) async throws -> Bool {
        try await backing.deleteReference(modelID: modelID, version: version)
    }
    func features(modelID: String, version: String?, from: Date, to: Date, limit: Int) async throws
        -> [[String: FeatureValue]]
    {
        try await backing.features(modelID: modelID, version: version, from: from, to: to, limit: limit)
    }
}

@Suite struct GroupCommitWriterTests {
    private func event(_ id: String) -> InferenceEvent {
        InferenceEvent(modelID: "m", requestID: id, timestamp: Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test func writesThatArriveDuringACommitShareTheNextOne() async throws {
        let database = TemporaryDatabase()
        let store = GatedSQLiteStore(backing: try await database.open())
        let writer = GroupCommitWriter(store: store)
        let results = try await withThrowingTaskGroup(of: (String, [Bool]).self) { group in
            group.addTask { ("first", try await writer.insert([event("first")])) }
            while await store.insertCalls == 0 { await Task.yield() }
            // The first commit is held open; 97 single-event writes queue up, with a re-send of
            // the first event and two writes of the same new event.
            for k in 0..<97 { group.addTask { ("e\(k)", try await writer.insert([event("e\(k)")])) } }
            group.addTask { ("again", try await writer.insert([event("first")])) }
            group.addTask { ("dup-a", try await writer.insert([event("dup")])) }
            group.addTask { ("dup-b", try await writer.insert([event("dup")])) }
            while await writer.queuedWrites < 100 { await Task.yield() }
            await store.openGate()
            var results: [String: [Bool]] = [:]
            for try await (name, fresh) in group { results[name] = fresh }
            return results
        }
        #expect(await store.insertCalls == 2, "one commit for the first write, one for the 100 queued behind it")
        #expect(await writer.commits == 2)
        #expect(await writer.writesCommitted == 101)
        #expect(results["first"] == [true])
        #expect((0..<97).allSatisfy { results["e\($0)"] == [true] })
        #expect(results["again"] == [false], "a re-send of an event committed earlier is a duplicate")
        #expect(
            [results["dup-a"], results["dup-b"]].compactMap { $0 }.sorted { !$0[0] && $1[0] } == [[false], [true]],
            "two writes of one event in the same commit: the first queued is stored, the other is a duplicate")
        #expect(try await store.inferenceCount(modelID: "m") == 99)
    }

    @Test func committedInferencesAreCountedForTheProfilerAndAFailedCommitsAreNot() async throws {
        let database = TemporaryDatabase()
        let store = GatedSQLiteStore(backing: try await database.open())
        let backlog = ProfilingBacklog(threshold: 5)
        let writer = GroupCommitWriter(store: store, backlog: backlog)
        await store.openGate()
        _ = try await writer.insert([event("a"), event("b"), event("c")])
        #expect(backlog.count == 3 && !backlog.isDue)
        await store.failNextInsert()
        await #expect(throws: (any Error).self) { try await writer.insert([event("x"), event("y"), event("z")]) }
        #expect(backlog.count == 3, "nothing of a failed commit is waiting to be profiled")
        _ = try await writer.insert([event("d"), event("e")])
        #expect(backlog.count == 5 && backlog.isDue)
        _ = await backlog.pass { (events: 0, buckets: 0) }
        #expect(backlog.count == 0 && !backlog.isDue)
        _ = try await writer.insert([event("f")])
        #expect(backlog.count == 1)
        #expect(!ProfilingBacklog(threshold: 0).isDue, "a threshold of 0 never starts a pass early")
    }

    @Test func aFailedCommitFailsEveryWriteInItAndTheNextGroupProceeds() async throws {
        let database = TemporaryDatabase()
        let store = GatedSQLiteStore(backing: try await database.open())
        let writer = GroupCommitWriter(store: store)
        await store.failNextInsert()
        let outcomes = await withTaskGroup(of: (String, Bool).self) { group in
            group.addTask { ("a", (try? await writer.insert([event("a")])) != nil) }
            while await store.insertCalls == 0 { await Task.yield() }
            group.addTask { ("b", (try? await writer.insert([event("b")])) != nil) }
            while await writer.queuedWrites < 1 { await Task.yield() }
            await store.openGate()
            var outcomes: [String: Bool] = [:]
            for await (name, succeeded) in group { outcomes[name] = succeeded }
            return outcomes
        }
        #expect(outcomes == ["a": false, "b": true])
        #expect(try await store.event(modelID: "m", requestID: "a") == nil, "nothing of a failed commit is stored")
        #expect(try await store.event(modelID: "m", requestID: "b") != nil)
    }

    /// With a time limit: a bad write that queued behind the held commit would wait for it. Ten
    /// minutes, as the limit counts from the test's start: beside the whole suite (about five
    /// minutes on 2 cores) this suite's tests wait minutes for a thread.
    @Test(.timeLimit(.minutes(10))) func aWriteThatCannotBeEncodedFailsAloneBeforeItQueues() async throws {
        let database = TemporaryDatabase()
        let store = GatedSQLiteStore(backing: try await database.open())
        let writer = GroupCommitWriter(store: store)
        var late = event("late")
        late.timestamp = Date(timeIntervalSince1970: 1e300)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { _ = try await writer.insert([event("a")]) }
            while await store.insertCalls == 0 { await Task.yield() }
            // The commit of "a" is held open: the bad write fails without waiting for it.
            await #expect(throws: SQLiteEventStoreError.timestampOutOfRange(late.timestamp)) {
                try await writer.insert([event("b"), late])
            }
            #expect(await writer.queuedWrites == 0)
            group.addTask { _ = try await writer.insert([event("c")]) }
            while await writer.queuedWrites < 1 { await Task.yield() }
            await store.openGate()
            try await group.waitForAll()
        }
        #expect(try await store.event(modelID: "m", requestID: "a") != nil)
        #expect(try await store.event(modelID: "m", requestID: "b") == nil, "nothing of the bad write is stored")
        #expect(try await store.event(modelID: "m", requestID: "c") != nil)
    }

    @Test func aGroupNeverExceedsTheLimitUnlessOneWriteDoes() async throws {
        let database = TemporaryDatabase()
        let store = GatedSQLiteStore(backing: try await database.open())
        let writer = GroupCommitWriter(store: store, maxEventsPerCommit: 10)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { _ = try await writer.insert([event("x")]) }
            while await store.insertCalls == 0 { await Task.yield() }
            for k in 0..<4 {
                group.addTask { _ = try await writer.insert((0..<4).map { event("b\(k)-\($0)") }) }
            }
            group.addTask { _ = try await writer.insert((0..<25).map { event("big-\($0)") }) }
            while await writer.queuedWrites < 5 { await Task.yield() }
            await store.openGate()
            try await group.waitForAll()
        }
        let sizes = await store.batchSizes
        #expect(sizes.first == 1)
        #expect(sizes.dropFirst().filter { $0 > 10 } == [25], "only a single write larger than the limit passes it")
        #expect(sizes.reduce(0, +) == 42)
        #expect(try await store.inferenceCount(modelID: "m") == 1 + 16 + 25)
    }
}
