import Testing

@testable import DriftWatchServer

@Suite struct BackgroundExecutorTests {
    @Test func workThatPrefersTheExecutorRunsOnItsQueueAndReturns() async throws {
        let executor = BackgroundExecutor(label: "test.background")
        #expect(!executor.isCurrent)
        let (onQueue, sum) = await withTaskExecutorPreference(executor) {
            // A nonisolated async call, as the profiler's passes are: it stays on the executor.
            let sum = await Self.add(2, 3)
            return (executor.isCurrent, sum)
        }
        #expect(onQueue)
        #expect(sum == 5)
        #expect(!executor.isCurrent)
    }

    @Test func errorsThrownOnTheExecutorReachTheCaller() async {
        struct Failure: Error {}
        let executor = BackgroundExecutor(label: "test.background.errors")
        await #expect(throws: Failure.self) {
            try await withTaskExecutorPreference(executor) { () async throws -> Void in throw Failure() }
        }
    }

    private static func add(_ a: Int, _ b: Int) async -> Int {
        await Task.yield()
        return a + b
    }
}
