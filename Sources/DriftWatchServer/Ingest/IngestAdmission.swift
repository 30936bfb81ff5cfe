/// Bounds the events waiting to be committed, so that a burst is refused (429) rather than
/// buffered without limit.
///
/// Each request reserves room for its rows before it writes and gives it back once the
/// commit returns; when the reservation would pass `capacity`, the request is refused and the
/// client retries after `Retry-After` seconds.
actor IngestAdmission {
    let capacity: Int
    /// Publishes ``pending`` as `ml_ingest_pending_events` on every change.
    let metrics: ServerMetrics
    private(set) var pending = 0 {
        didSet { metrics.pendingEvents(pending) }
    }

    init(capacity: Int, metrics: ServerMetrics) {
        self.capacity = capacity
        self.metrics = metrics
    }

    /// Reserves room for `rows`; false when the queue is full. A batch larger than the whole
    /// capacity is admitted when nothing else is pending, so that it can never starve.
    func reserve(_ rows: Int) -> Bool {
        guard pending == 0 || pending + rows <= capacity else { return false }
        pending += rows
        return true
    }

    /// Gives back room taken by ``reserve(_:)``.
    func release(_ rows: Int) { pending -= rows }
}
