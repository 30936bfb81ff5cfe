import Synchronization

/// Inferences committed since the profiler last started a pass, so that it can start the next
/// one early when they pile up instead of waiting out its interval.
///
/// The store keeps the latest inferences in memory for the profiler (a bounded run); events
/// beyond it are read back from the file and decoded again. Under heavy ingestion one
/// interval's events overflow that run, so the profiler is woken once ``threshold`` events are
/// waiting: half the run, leaving room for the events that arrive during the pass.
///
/// Only while passes touch few buckets per event, as live traffic's do (a few dozen buckets
/// for a second of events): a backfill spread over a day touches a bucket for every few
/// events, a pass costs about as much per bucket as per event, and more, smaller passes would
/// cost more than reading the overflow back.
public final class ProfilingBacklog: Sendable {
    /// Events waiting at which a pass is due; 0: never early.
    public let threshold: Int
    /// The fewest events per bucket touched, in the last pass that profiled any, for passes to
    /// start early.
    public static let eventsPerBucketToWake = 100
    private let waiting = Atomic<Int>(0)
    private let passesAreCheap = Atomic<Bool>(true)

    /// A backlog due at `threshold` waiting events (0: never early).
    public init(threshold: Int) {
        self.threshold = max(0, threshold)
    }

    /// Counts committed inferences.
    public func add(_ count: Int) {
        waiting.add(count, ordering: .relaxed)
    }

    /// Runs `profile`, a profiler pass that returns how many events it profiled and how many
    /// buckets its merges touched, as the next pass: everything committed before it starts is
    /// its to read, and what it touched decides whether the next one may start early (a pass
    /// without events says nothing about the next one; a pass that throws changes nothing).
    public func pass(
        _ profile: () async throws -> (events: Int, buckets: Int)
    ) async rethrows -> (events: Int, buckets: Int) {
        waiting.store(0, ordering: .relaxed)
        let result = try await profile()
        if result.events > 0 {
            passesAreCheap.store(result.events >= Self.eventsPerBucketToWake * result.buckets, ordering: .relaxed)
        }
        return result
    }

    /// Events committed since the last pass started.
    public var count: Int { waiting.load(ordering: .relaxed) }

    /// Whether enough events wait for a pass to start early, and passes are cheap enough.
    public var isDue: Bool { threshold > 0 && passesAreCheap.load(ordering: .relaxed) && count >= threshold }
}
