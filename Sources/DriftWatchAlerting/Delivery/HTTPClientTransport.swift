import AsyncHTTPClient

/// The ``NotificationTransport`` that sends over HTTP(S) with AsyncHTTPClient.
///
/// ```swift
/// let transport = HTTPClientTransport()  // HTTPClient.shared, 10 s timeout
/// ```
public struct HTTPClientTransport: NotificationTransport {
    /// The client; `HTTPClient.shared` unless given (the caller then owns its shutdown).
    public let client: HTTPClient
    /// The time allowed for one request, connection included.
    public var timeout: AlertDuration
    /// How much of a response body is kept for error messages.
    public var maxBodyBytes: Int

    /// Creates a transport.
    public init(client: HTTPClient = .shared, timeout: AlertDuration = .seconds(10), maxBodyBytes: Int = 4096) {
        self.client = client
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
    }

    /// Sends the request; throws only when no response arrived.
    public func send(_ request: NotificationRequest) async throws -> NotificationResponse {
        var httpRequest = HTTPClientRequest(url: request.url)
        httpRequest.method = .init(rawValue: request.method)
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            httpRequest.headers.add(name: name, value: value)
        }
        httpRequest.body = .bytes(request.body)
        let response = try await client.execute(httpRequest, timeout: .milliseconds(timeout.milliseconds))
        var text = ""
        // The body only explains failures; a response too large to keep is cut, not an error.
        for try await chunk in response.body {
            text += String(decoding: chunk.readableBytesView, as: UTF8.self)
            if text.utf8.count >= maxBodyBytes { break }
        }
        return NotificationResponse(status: Int(response.status.code), body: String(text.prefix(maxBodyBytes)))
    }
}
