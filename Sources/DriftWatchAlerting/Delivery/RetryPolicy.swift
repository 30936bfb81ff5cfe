import Foundation

/// How often and how patiently a failed delivery is tried again: exponential backoff
/// `base · 2^(attempt − 1)`, capped at `maxDelay`, optionally with jitter.
///
/// ```swift
/// RetryPolicy(maxAttempts: 5, baseDelay: .seconds(1), maxDelay: .minutes(1))
/// // waits 1s, 2s, 4s, 8s between the five attempts
/// ```
public struct RetryPolicy: Sendable, Hashable, Codable {
    /// The attempts in total, the first included (1 means no retry).
    public var maxAttempts: Int
    /// The wait after the first failed attempt.
    public var baseDelay: AlertDuration
    /// The longest wait between attempts.
    public var maxDelay: AlertDuration
    /// Whether each wait is drawn uniformly from its upper half, so that receivers recovering
    /// from an outage are not hit by every sender at the same instant.
    public var jitter: Bool

    /// Creates a policy.
    public init(
        maxAttempts: Int = 5, baseDelay: AlertDuration = .seconds(1), maxDelay: AlertDuration = .minutes(1),
        jitter: Bool = true
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    /// The longest wait after failed attempt number `attempt` (from 1), before jitter.
    public func delay(afterAttempt attempt: Int) -> AlertDuration {
        let doublings = min(max(attempt - 1, 0), 40)
        let (scaled, overflow) = baseDelay.milliseconds.multipliedReportingOverflow(by: Int64(1) << doublings)
        return AlertDuration(milliseconds: overflow ? maxDelay.milliseconds : min(scaled, maxDelay.milliseconds))
    }

    /// The wait actually used after failed attempt `attempt`, jitter applied.
    func wait(afterAttempt attempt: Int) -> Duration {
        let upper = delay(afterAttempt: attempt).milliseconds
        let chosen = jitter && upper > 1 ? Int64.random(in: (upper / 2)...upper) : upper
        return .milliseconds(chosen)
    }

    private enum CodingKeys: String, CodingKey {
        case maxAttempts = "max_attempts"
        case baseDelay = "base_delay"
        case maxDelay = "max_delay"
        case jitter
    }
}
