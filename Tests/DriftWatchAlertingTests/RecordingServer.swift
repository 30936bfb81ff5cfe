import Foundation
import Hummingbird
import Testing

/// One request a ``RecordingServer`` received.
struct ReceivedRequest: Sendable {
    var method: String
    var path: String
    var headers: [String: String]
    var body: Data

    /// The body parsed as JSON.
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: body)
    }

    /// The body parsed as a JSON object.
    func object() throws -> [String: Any] {
        try #require(try json() as? [String: Any])
    }

    /// A header, by case-insensitive name.
    func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }
}

/// What the test server received, and how it answers: the scripted statuses in order, then
/// `thereafter` for every further request.
actor RequestLog {
    private(set) var requests: [ReceivedRequest] = []
    private var script: [Int]
    private let thereafter: Int

    init(statuses: [Int], thereafter: Int) {
        script = statuses
        self.thereafter = thereafter
    }

    func record(_ request: ReceivedRequest) -> Int {
        requests.append(request)
        return script.isEmpty ? thereafter : script.removeFirst()
    }
}

/// Runs a real Hummingbird HTTP server on 127.0.0.1 (a free port) that records every request,
/// for the duration of `body`.
///
/// - Parameters:
///   - statuses: The statuses of the first requests, in order.
///   - thereafter: The status of every later request.
///   - body: Gets the server's base URL (`http://127.0.0.1:PORT`) and its request log.
func withRecordingServer(
    statuses: [Int] = [], thereafter: Int = 200,
    _ body: @Sendable (_ baseURL: String, _ log: RequestLog) async throws -> Void
) async throws {
    let log = RequestLog(statuses: statuses, thereafter: thereafter)
    let router = Router()
    router.post("**") { request, _ -> Response in
        let buffer = try await request.body.collect(upTo: 1 << 20)
        var headers: [String: String] = [:]
        for field in request.headers {
            headers[field.name.canonicalName] = field.value
        }
        let received = ReceivedRequest(
            method: request.method.rawValue, path: request.uri.path, headers: headers,
            body: Data(buffer.readableBytesView))
        let status = await log.record(received)
        return Response(status: .init(code: status))
    }
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
        router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in
            portContinuation.yield(channel.localAddress?.port ?? 0)
            portContinuation.finish()
        })
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        #expect(port > 0)
        do {
            try await body("http://127.0.0.1:\(port)", log)
        } catch {
            group.cancelAll()
            throw error
        }
        group.cancelAll()
    }
}
