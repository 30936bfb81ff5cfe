import DriftStats
import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import DriftWatchServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Runs `body` against the real router on a fresh SQLite database.
func withServer(
    limits: IngestLimits = IngestLimits(),
    _ body: @Sendable (any TestClientProtocol, SQLiteEventStore) async throws -> Void
) async throws {
    let directory = NSTemporaryDirectory() + "driftwatch-server-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try SQLiteEventStore(path: directory + "/driftwatch.sqlite")
    try await store.migrate()
    let app = Application(router: DriftWatchServer.router(store: store, limits: limits))
    try await app.test(.router) { client in try await body(client, store) }
}

/// A seeded standard normal sample shifted to `mean` (Box–Muller), the same on every run.
func normalSample(_ count: Int, mean: Double, seed: UInt64) -> [Double] {
    var generator = SeededRandomNumberGenerator(seed: seed)
    return (0..<count).map { _ in
        let u = Double.random(in: Double.ulpOfOne..<1, using: &generator)
        let v = Double.random(in: 0..<1, using: &generator)
        return mean + (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}

/// A response body as a JSON object.
func json(_ buffer: ByteBuffer) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
}

/// POSTs `body` and hands back the status and the JSON answer.
func post(
    _ client: any TestClientProtocol, _ uri: String, _ body: String, contentType: String = "application/json"
) async throws -> (status: HTTPResponse.Status, body: [String: Any]) {
    try await client.execute(
        uri: uri, method: .post, headers: [.contentType: contentType], body: ByteBuffer(string: body)
    ) { response in (response.status, try json(response.body)) }
}

/// GETs `uri` and hands back the status and the JSON answer.
func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (
    status: HTTPResponse.Status, body: [String: Any]
) {
    try await client.execute(uri: uri, method: .get) { response in (response.status, try json(response.body)) }
}

/// POSTs to a live test server over a real connection with a generous timeout: the test
/// client's own timeout (20 s) is too short for long bodies on a loaded machine, and these
/// tests assert what was stored, never how fast.
func postLive(port: Int?, _ path: String, _ body: String, contentType: String) async throws
    -> (status: Int, headers: [AnyHashable: Any], body: Data)
{
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(try #require(port))\(path)")!)
    request.httpMethod = "POST"
    request.timeoutInterval = 600
    request.setValue(contentType, forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(body.utf8)
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    return (http.statusCode, http.allHeaderFields, data)
}

/// The real router over a fresh SQLite store with the scheduled monitors' runner (over windows
/// of `window` seconds) and the metrics both write, for tests that run monitor rounds by hand.
func withMonitoredServer(
    window: TimeInterval,
    _ body: @Sendable (any TestClientProtocol, SQLiteEventStore, MonitorRunner, ServerMetrics) async throws -> Void
) async throws {
    let directory = NSTemporaryDirectory() + "driftwatch-monitor-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try SQLiteEventStore(path: directory + "/driftwatch.sqlite")
    try await store.migrate()
    let metrics = ServerMetrics()
    let models = ModelRegistry(store: store)
    let router = DriftWatchServer.router(
        store: store, limits: IngestLimits(), metrics: metrics, models: models, alerts: nil)
    let runner = MonitorRunner(
        checks: ModelChecks(store: store, models: models), metrics: metrics, window: window,
        logger: Logger(label: "test"))
    try await Application(router: router).test(.router) { client in try await body(client, store, runner, metrics) }
}
