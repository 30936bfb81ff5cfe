import Foundation
import Logging
import Synchronization
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

    // A time limit: a wake that never comes, or a wait that ignores shutdown, hangs instead.
    @Test(.timeLimit(.minutes(1))) func aWakeStartsTheNextRoundBeforeTheIntervalIsOut() async throws {
        // An hour between rounds: the second and third rounds can only come from the wake,
        // which is raised after each round and cleared when the next one starts.
        let raised = Mutex(false)
        let (rounds, continuation) = AsyncStream.makeStream(of: Int.self)
        let count = Mutex(0)
        let service = PeriodicService(
            name: "woken", interval: 3_600, logger: Logger(label: "test"), wake: { raised.withLock { $0 } }
        ) { _ in
            raised.withLock { $0 = false }
            let round = count.withLock {
                $0 += 1
                return $0
            }
            continuation.yield(round)
            raised.withLock { $0 = true }
            return [:]
        }
        let running = Task { try await service.run() }
        var seen: [Int] = []
        for await round in rounds {
            seen.append(round)
            if seen.count == 3 { break }
        }
        running.cancel()
        try await running.value
        #expect(seen == [1, 2, 3])
    }

    // A time limit: a wake that never comes, or a wait that ignores shutdown, hangs instead.
    @Test(.timeLimit(.minutes(1))) func aServiceWaitingForAWakeStopsAtShutdownWithoutAnotherRound() async throws {
        let (rounds, continuation) = AsyncStream.makeStream(of: Void.self)
        let count = Mutex(0)
        let service = PeriodicService(name: "idle", interval: 3_600, logger: Logger(label: "test"), wake: { false }) {
            _ in
            count.withLock { $0 += 1 }
            continuation.yield()
            return [:]
        }
        let running = Task { try await service.run() }
        for await _ in rounds { break }
        // Cancelled while checking for a wake that never comes: run() returns, no error.
        running.cancel()
        try await running.value
        #expect(count.withLock { $0 } == 1)
    }

    private static func add(_ a: Int, _ b: Int) async -> Int {
        await Task.yield()
        return a + b
    }
}
