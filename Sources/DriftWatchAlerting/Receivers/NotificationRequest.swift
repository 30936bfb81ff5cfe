import Foundation

/// One HTTP request a receiver wants sent: the output of a payload builder and the input of a
/// ``NotificationTransport``.
public struct NotificationRequest: Sendable, Hashable {
    /// The receiver it is for (counters are kept per receiver).
    public var receiver: String
    /// The URL to send to.
    public var url: String
    /// The HTTP method; POST for every receiver.
    public var method: String
    /// The header fields.
    public var headers: [String: String]
    /// The body.
    public var body: Data

    /// Creates a request.
    public init(receiver: String, url: String, method: String = "POST", headers: [String: String] = [:], body: Data) {
        self.receiver = receiver
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
    }
}
