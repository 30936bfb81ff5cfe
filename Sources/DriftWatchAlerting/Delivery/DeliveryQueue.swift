import Foundation
import Logging

/// Delivers notifications in the background, with retries and exponential backoff, so that
/// evaluation never waits for a slow or failing receiver.
///
/// ``enqueue(_:)`` only builds the requests (payloads and signature timestamps are fixed then, so
/// every retry sends the same bytes) and files them; ``run()`` (started once, in the
/// server's service group) sends them, a few at a time. The queue is bounded: when it is full,
/// new notifications are dropped and counted. Counters per receiver are readable at any time with
/// ``statistics()``.
///
/// ```swift
/// let queue = DeliveryQueue(receivers: routing.receivers, transport: HTTPClientTransport(),
///                           externalURL: "https://driftwatch.example.com")
/// let delivery = Task { await queue.run() }   // or inside a ServiceGroup service
/// await queue.enqueue(notification)
/// ...
/// await queue.waitUntilIdle()                 // graceful drain before shutdown
/// delivery.cancel()
/// ```
///
/// Retries: transport errors (no answer) and 408/429/5xx answers are retried up to
/// ``RetryPolicy/maxAttempts`` attempts in all; other answers fail at once.
///
/// Order: requests for one alert group and receiver are delivered one after the other, in the
/// order they were enqueued, retries included; different groups and receivers proceed in parallel.
public actor DeliveryQueue {
    private struct Job: Sendable {
        var request: NotificationRequest
        /// Requests of one lane (a receiver and alert group) go one at a time, in order.
        var lane: String
    }

    private var receivers: [String: Receiver]
    private let transport: any NotificationTransport
    private let retryPolicy: RetryPolicy
    private let capacity: Int
    private let maxConcurrentDeliveries: Int
    private let externalURL: String?
    private let clock: @Sendable () -> Date
    private let logger: Logger

    private var pending: [Job] = []
    private var busyLanes: Set<String> = []
    private var inFlight = 0
    private var stats: [String: ReceiverDeliveryStatistics] = [:]
    private var dropped = 0
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    /// Creates a queue.
    ///
    /// - Parameters:
    ///   - receivers: The receivers notifications may name.
    ///   - transport: What sends the requests.
    ///   - retryPolicy: Attempts and backoff.
    ///   - capacity: The most requests waiting to be sent; more are dropped and counted.
    ///   - maxConcurrentDeliveries: How many requests are in flight (or backing off) at once, so
    ///     that one slow receiver does not hold up the others.
    ///   - externalURL: DriftWatch's public URL, for links in payloads.
    ///   - clock: The time of sending (signature timestamps); the system clock by default.
    ///   - logger: Where failures and retries are logged.
    public init(
        receivers: [Receiver], transport: any NotificationTransport, retryPolicy: RetryPolicy = .init(),
        capacity: Int = 1000, maxConcurrentDeliveries: Int = 4, externalURL: String? = nil,
        clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "driftwatch.alerting.delivery")
    ) {
        self.receivers = Dictionary(receivers.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.capacity = max(1, capacity)
        self.maxConcurrentDeliveries = max(1, maxConcurrentDeliveries)
        self.externalURL = externalURL
        self.clock = clock
        self.logger = logger
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Files a notification for delivery and returns at once.
    ///
    /// - Returns: false when nothing was filed: the queue was full (counted as dropped), the
    ///   receiver is unknown or its payload could not be built (counted as failed).
    @discardableResult
    public func enqueue(_ notification: AlertNotification) -> Bool {
        let name = notification.receiver
        guard let receiver = receivers[name] else {
            recordFailure(name, "no receiver is named \"\(name)\"", final: true)
            return false
        }
        let requests: [NotificationRequest]
        do {
            requests = try receiver.requests(
                for: notification, context: PayloadContext(externalURL: externalURL, sentAt: clock()))
        } catch {
            recordFailure(name, "could not build the payload: \(error)", final: true)
            return false
        }
        guard pendingCount + requests.count <= capacity else {
            stats[name, default: .init()].dropped += 1
            dropped += 1
            logger.warning("Alert notification dropped: delivery queue full", metadata: ["receiver": "\(name)"])
            return false
        }
        let lane = "\(name)\u{0}\(notification.groupKey)"
        pending += requests.map { Job(request: $0, lane: lane) }
        wake.yield()
        return true
    }

    /// Sends filed requests until the calling task is cancelled. Call it once.
    ///
    /// On cancellation, requests in flight stop (their backoff waits are cut short) and requests
    /// still queued stay unsent; call ``waitUntilIdle()`` first to drain.
    public func run() async {
        await withDiscardingTaskGroup { group in
            for await _ in wakeups {
                while inFlight < maxConcurrentDeliveries, let job = dequeue() {
                    inFlight += 1
                    busyLanes.insert(job.lane)
                    group.addTask { await self.deliver(job) }
                }
            }
            group.cancelAll()
        }
    }

    /// Returns once nothing is queued or in flight (at once if that is already so). Needs
    /// ``run()`` to be running to make progress.
    public func waitUntilIdle() async {
        guard !isIdle else { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    /// The counters of every receiver that has had traffic, by receiver name.
    public func statistics() -> [String: ReceiverDeliveryStatistics] {
        stats
    }

    /// The counters of one receiver (zero when it has had no traffic).
    public func statistics(for receiver: String) -> ReceiverDeliveryStatistics {
        stats[receiver] ?? .init()
    }

    /// Notifications dropped because the queue was full, over all receivers.
    public var droppedCount: Int { dropped }

    /// Requests waiting to be sent (not counting those in flight).
    public var pendingCount: Int { pending.count }

    /// Replaces the receivers (after a configuration reload); queued requests keep their payloads.
    public func updateReceivers(_ receivers: [Receiver]) {
        self.receivers = Dictionary(receivers.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    private var isIdle: Bool { pendingCount == 0 && inFlight == 0 }

    /// The oldest job whose lane is free: a later notification of a group never overtakes an
    /// earlier one (a PagerDuty resolve arriving before its trigger would leave an open incident).
    private func dequeue() -> Job? {
        guard let index = pending.firstIndex(where: { !busyLanes.contains($0.lane) }) else { return nil }
        return pending.remove(at: index)
    }

    /// Sends one request with retries, then frees its slot.
    private func deliver(_ job: Job) async {
        let name = job.request.receiver
        var attempt = 1
        attempts: while !Task.isCancelled {
            let failure: String
            let retryable: Bool
            do {
                let response = try await transport.send(job.request)
                if response.isSuccess {
                    stats[name, default: .init()].sent += 1
                    stats[name, default: .init()].lastSentAt = clock()
                    break attempts
                }
                failure = "HTTP \(response.status)" + (response.body.isEmpty ? "" : ": \(response.body.prefix(200))")
                retryable = response.isRetryable
            } catch is CancellationError {
                break attempts
            } catch {
                failure = String(describing: error)
                retryable = true
            }
            guard retryable, attempt < retryPolicy.maxAttempts else {
                recordFailure(name, failure, final: true)
                break attempts
            }
            recordFailure(name, failure, final: false)
            do {
                try await Task.sleep(for: retryPolicy.wait(afterAttempt: attempt))
            } catch {
                break attempts
            }
            attempt += 1
        }
        inFlight -= 1
        busyLanes.remove(job.lane)
        wake.yield()
        if isIdle {
            let waiters = idleWaiters
            idleWaiters = []
            for waiter in waiters { waiter.resume() }
        }
    }

    private func recordFailure(_ receiver: String, _ message: String, final: Bool) {
        var entry = stats[receiver] ?? .init()
        if final { entry.failed += 1 } else { entry.retried += 1 }
        entry.lastError = message
        entry.lastErrorAt = clock()
        stats[receiver] = entry
        if final {
            logger.warning("Alert notification failed", metadata: ["receiver": "\(receiver)", "error": "\(message)"])
        } else {
            logger.debug(
                "Alert notification will be retried", metadata: ["receiver": "\(receiver)", "error": "\(message)"])
        }
    }
}
