import Synchronization

/// Bounds the events waiting to be committed, so that a burst is refused (429) rather than
/// buffered without limit.
///
/// Each request reserves room for its rows before it writes and gives it back once the
/// commit returns; when the reservation would pass `capacity`, the request is refused and the
/// client retries after `Retry-After` seconds. A mutex rather than an actor: reserving is a few
/// instructions, and every request does it twice, so it should not cost two task switches.
final class IngestAdmission: Sendable {
    let capacity: Int
    /// Publishes ``pending`` as `ml_ingest_pending_events` on every change.
    let metrics: ServerMetrics
    private let state = Mutex(0)

    init(capacity: Int, metrics: ServerMetrics) {
        self.capacity = capacity
        self.metrics = metrics
    }

    /// Events reserved and not yet released.
    var pending: Int { state.withLock { $0 } }

    /// Reserves room for `rows`; false when the queue is full. A batch larger than the whole
    /// capacity is admitted when nothing else is pending, so that it can never starve.
    func reserve(_ rows: Int) -> Bool {
        // The gauge is set under the lock, so that its last value is always the current one.
        state.withLock { pending in
            guard pending == 0 || pending + rows <= capacity else { return false }
            pending += rows
            metrics.pendingEvents(pending)
            return true
        }
    }

    /// Gives back room taken by ``reserve(_:)``.
    func release(_ rows: Int) {
        state.withLock { pending in
            pending -= rows
            metrics.pendingEvents(pending)
        }
    }
}
