import DriftWatchCore
import Testing

@Suite struct ProfilingBacklogTests {
    @Test func passesStartEarlyOnlyWhileTheyTouchFewBucketsPerEvent() {
        let backlog = ProfilingBacklog(threshold: 1_000)
        backlog.add(999)
        #expect(!backlog.isDue, "fewer than the threshold wait")
        backlog.add(1)
        #expect(backlog.isDue, "before any pass, early passes are allowed")
        // Live traffic: 25,000 events in 32 buckets.
        backlog.passStarted()
        backlog.passFinished(events: 25_000, buckets: 32)
        backlog.add(1_000)
        #expect(backlog.isDue)
        // A backfill: 25,000 events spread over 9,000 buckets. The overflow is read back
        // instead of running more, smaller passes.
        backlog.passStarted()
        backlog.passFinished(events: 25_000, buckets: 9_000)
        backlog.add(5_000)
        #expect(!backlog.isDue)
        // An empty pass changes nothing; live traffic again allows early passes.
        backlog.passFinished(events: 0, buckets: 0)
        #expect(!backlog.isDue)
        backlog.passFinished(events: 100 * 40, buckets: 40)
        #expect(backlog.isDue, "exactly \(ProfilingBacklog.eventsPerBucketToWake) events per bucket is cheap enough")
    }
}
