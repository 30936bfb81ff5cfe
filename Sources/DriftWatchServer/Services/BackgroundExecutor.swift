import Dispatch

/// Runs background work (each ``PeriodicService``'s rounds) on a serial dispatch queue of its
/// own instead of the cooperative pool, whose threads (one per core) also serve requests.
///
/// A profiler pass computes for hundreds of milliseconds between suspensions; on the pool it
/// keeps one of the two threads from requests for that long, which shows as seconds of p99
/// latency under load. On its own queue the operating system shares the cores between it and
/// the requests instead. Work opts in with `withTaskExecutorPreference(_:operation:)`.
final class BackgroundExecutor: TaskExecutor {
    private let queue: DispatchQueue
    private let key = DispatchSpecificKey<Void>()

    init(label: String) {
        queue = DispatchQueue(label: label)
        queue.setSpecific(key: key, value: ())
    }

    /// Whether the caller runs on this executor's queue.
    var isCurrent: Bool { DispatchQueue.getSpecific(key: key) != nil }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
