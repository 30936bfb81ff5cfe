/// Commits the writes of many concurrent requests together: one transaction, one fsync.
///
/// A durable commit costs an fsync, which takes far longer than writing a few thousand rows.
/// While one transaction is being committed, writes that arrive queue up; when it returns, all
/// of them go into the next transaction (up to ``maxEventsPerCommit`` events), and each caller
/// resumes once its own rows are committed. A request with one event therefore shares its fsync
/// with every other request in flight, and a caller is never answered before its commit.
///
/// A failed transaction fails every write in it; nothing in it was stored, so callers may retry.
public actor GroupCommitWriter {
    private struct PendingInferences {
        var batch: PreparedInferences
        var continuation: CheckedContinuation<[Bool], any Error>
    }

    private struct PendingLabels {
        var labels: [LabelEvent]
        var continuation: CheckedContinuation<Void, any Error>
    }

    /// The store written to.
    public nonisolated let store: any EventStore
    /// The most events (inferences or labels) in one transaction; a single larger write is
    /// committed alone.
    public nonisolated let maxEventsPerCommit: Int
    /// Counts committed inferences for the profiler, if given.
    public nonisolated let backlog: ProfilingBacklog?

    private var inferences: [PendingInferences] = []
    private var labels: [PendingLabels] = []
    private var draining = false
    /// How many transactions have been committed, and how many writes they carried (for tests
    /// and metrics).
    public private(set) var commits = 0
    public private(set) var writesCommitted = 0

    /// Writes waiting for the next transaction.
    public var queuedWrites: Int { inferences.count + labels.count }

    /// Creates a writer in front of `store`; committed inferences are counted in `backlog`.
    public init(store: any EventStore, maxEventsPerCommit: Int = 10_000, backlog: ProfilingBacklog? = nil) {
        self.store = store
        self.maxEventsPerCommit = max(1, maxEventsPerCommit)
        self.backlog = backlog
    }

    /// Stores inferences, committed together with concurrent writes; per event, whether it was new.
    ///
    /// The events are encoded here, in the caller's task, before they queue: encoding in the
    /// commit loop made every caller wait for the encoding of the whole group in turn.
    public nonisolated func insert(_ events: [InferenceEvent]) async throws -> [Bool] {
        if events.isEmpty { return [] }
        return try await enqueue(store.prepare(events))
    }

    private func enqueue(_ batch: PreparedInferences) async throws -> [Bool] {
        try await withCheckedThrowingContinuation { continuation in
            inferences.append(PendingInferences(batch: batch, continuation: continuation))
            startDraining()
        }
    }

    /// Stores labels, committed together with concurrent writes.
    public func insert(_ labels: [LabelEvent]) async throws {
        if labels.isEmpty { return }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            self.labels.append(PendingLabels(labels: labels, continuation: continuation))
            startDraining()
        }
    }

    private func startDraining() {
        guard !draining else { return }
        draining = true
        Task { await drain() }
    }

    /// Commits queued writes, group by group, until none are left.
    private func drain() async {
        while !inferences.isEmpty || !labels.isEmpty {
            if !inferences.isEmpty { await commitInferences(takeGroup(from: &inferences, size: \.batch.count)) }
            if !labels.isEmpty { await commitLabels(takeGroup(from: &labels, size: \.labels.count)) }
        }
        draining = false
    }

    /// Takes queued writes from the front while they fit in one transaction (at least one).
    private func takeGroup<Pending>(from queue: inout [Pending], size: (Pending) -> Int) -> [Pending] {
        var total = 0
        var taken = 0
        while taken < queue.count {
            let next = size(queue[taken])
            if taken > 0 && total + next > maxEventsPerCommit { break }
            total += next
            taken += 1
        }
        let group = Array(queue[..<taken])
        queue.removeFirst(taken)
        return group
    }

    private func commitInferences(_ group: [PendingInferences]) async {
        do {
            let fresh = try await store.insert(prepared: group.map(\.batch))
            record(group.count)
            backlog?.add(fresh.count)
            var offset = 0
            for pending in group {
                pending.continuation.resume(returning: Array(fresh[offset..<offset + pending.batch.count]))
                offset += pending.batch.count
            }
        } catch {
            for pending in group { pending.continuation.resume(throwing: error) }
        }
    }

    private func commitLabels(_ group: [PendingLabels]) async {
        do {
            try await store.insert(group.count == 1 ? group[0].labels : group.flatMap(\.labels))
            record(group.count)
            for pending in group { pending.continuation.resume() }
        } catch {
            for pending in group { pending.continuation.resume(throwing: error) }
        }
    }

    private func record(_ writes: Int) {
        commits += 1
        writesCommitted += writes
    }
}
