import DriftWatchCore
import Testing

@Suite struct ProfilingBacklogTests {
    @Test func passesStartEarlyOnlyWhileTheyTouchFewBucketsPerEvent() async {
        let backlog = ProfilingBacklog(threshold: 1_000)
        backlog.add(999)
        #expect(!backlog.isDue, "fewer than the threshold wait")
        backlog.add(1)
        #expect(backlog.isDue, "before any pass, early passes are allowed")
        // Live traffic: 25,000 events in 32 buckets.
        _ = await backlog.pass { (events: 25_000, buckets: 32) }
        backlog.add(1_000)
        #expect(backlog.isDue)
        // A backfill: 25,000 events spread over 9,000 buckets. The overflow is read back
        // instead of running more, smaller passes.
        _ = await backlog.pass { (events: 25_000, buckets: 9_000) }
        backlog.add(5_000)
        #expect(!backlog.isDue)
        // An empty pass changes nothing; live traffic again allows early passes.
        _ = await backlog.pass { (events: 0, buckets: 0) }
        backlog.add(5_000)
        #expect(!backlog.isDue)
        _ = await backlog.pass { (events: 100 * 40, buckets: 40) }
        backlog.add(1_000)
        #expect(backlog.isDue, "exactly \(ProfilingBacklog.eventsPerBucketToWake) events per bucket is cheap enough")
    }

    @Test func eventsCommittedDuringAPassWaitForTheNext() async throws {
        struct Failure: Error {}
        let backlog = ProfilingBacklog(threshold: 10)
        backlog.add(50)
        let pass = await backlog.pass {
            #expect(backlog.count == 0, "what was committed before the pass started is the pass's")
            backlog.add(7)
            return (events: 500, buckets: 2)
        }
        #expect(pass.events == 500 && pass.buckets == 2)
        #expect(backlog.count == 7)
        // A pass that fails changes nothing of what decides early passes.
        await #expect(throws: Failure.self) {
            try await backlog.pass { () throws -> (events: Int, buckets: Int) in throw Failure() }
        }
        backlog.add(10)
        #expect(backlog.isDue)
    }
}
