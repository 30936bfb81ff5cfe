import Foundation
import Logging
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

    @Test func periodicRoundsRunOnTheServicesExecutorUntilCancelled() async throws {
        let executor = BackgroundExecutor(label: "test.periodic")
        let (rounds, continuation) = AsyncStream.makeStream(of: Bool.self)
        let service = PeriodicService(name: "test", interval: 0.01, logger: Logger(label: "test"), executor: executor) {
            _ in
            continuation.yield(executor.isCurrent)
            return [:]
        }
        let running = Task { try await service.run() }
        var onExecutor: [Bool] = []
        for await onQueue in rounds {
            onExecutor.append(onQueue)
            if onExecutor.count == 3 { break }
        }
        running.cancel()
        try await running.value
        #expect(onExecutor == [true, true, true])
    }

    private static func add(_ a: Int, _ b: Int) async -> Int {
        await Task.yield()
        return a + b
    }
}
