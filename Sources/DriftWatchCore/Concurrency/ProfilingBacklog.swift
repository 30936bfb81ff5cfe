import Synchronization

/// Inferences committed since the profiler last started a pass, so that it can start the next
/// one early when they pile up instead of waiting out its interval.
///
/// The store keeps the latest inferences in memory for the profiler (a bounded run); events
/// beyond it are read back from the file and decoded again. Under heavy ingestion one
/// interval's events overflow that run, so the profiler is woken once ``threshold`` events are
/// waiting: half the run, leaving room for the events that arrive during the pass.
public final class ProfilingBacklog: Sendable {
    /// Events waiting at which a pass is due; 0: never early.
    public let threshold: Int
    private let waiting = Atomic<Int>(0)

    /// A backlog due at `threshold` waiting events (0: never early).
    public init(threshold: Int) {
        self.threshold = max(0, threshold)
    }

    /// Counts committed inferences.
    public func add(_ count: Int) {
        waiting.add(count, ordering: .relaxed)
    }

    /// Called as a pass starts: everything committed so far is the pass's to read.
    public func passStarted() {
        waiting.store(0, ordering: .relaxed)
    }

    /// Events committed since the last pass started.
    public var count: Int { waiting.load(ordering: .relaxed) }

    /// Whether enough events wait for a pass to start early.
    public var isDue: Bool { threshold > 0 && count >= threshold }
}
