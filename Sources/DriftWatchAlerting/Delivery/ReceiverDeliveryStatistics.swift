import Foundation

/// What happened to one receiver's deliveries so far, for display and `/metrics`.
public struct ReceiverDeliveryStatistics: Sendable, Hashable, Codable {
    /// Requests delivered (a 2xx answer).
    public var sent: Int = 0
    /// Requests given up on: attempts exhausted, a non-retryable answer, or a payload that could
    /// not be built.
    public var failed: Int = 0
    /// Attempts repeated after a retryable failure.
    public var retried: Int = 0
    /// Notifications dropped because the queue was full.
    public var dropped: Int = 0
    /// The latest failure, retried or not.
    public var lastError: String?
    /// When it happened.
    public var lastErrorAt: Date?
    /// When a request was last delivered.
    public var lastSentAt: Date?

    /// Creates empty statistics.
    public init() {}

    private enum CodingKeys: String, CodingKey {
        case sent, failed, retried, dropped
        case lastError = "last_error"
        case lastErrorAt = "last_error_at"
        case lastSentAt = "last_sent_at"
    }
}
