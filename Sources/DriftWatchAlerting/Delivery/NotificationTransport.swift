/// What a receiver's server answered: the status code and the start of the body.
public struct NotificationResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The body as text, cut to a few kilobytes (for error messages).
    public var body: String

    /// Creates a response.
    public init(status: Int, body: String = "") {
        self.status = status
        self.body = body
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// Whether trying again may help: 408, 429 and 5xx. Other 4xx mean the request itself is
    /// wrong (a revoked webhook, a bad routing key) and repeating it would not change the answer.
    public var isRetryable: Bool { status == 408 || status == 429 || (500..<600).contains(status) }
}

/// Sends notification requests: the port between the delivery queue and the network.
///
/// ``HTTPClientTransport`` is the real implementation; tests and other adapters may provide their
/// own. A transport reports every HTTP answer as a ``NotificationResponse`` (whatever its status)
/// and throws only when no answer came (connection refused, timeout); the queue decides what is
/// retried.
public protocol NotificationTransport: Sendable {
    /// Sends one request and returns the answer.
    func send(_ request: NotificationRequest) async throws -> NotificationResponse
}
