import DriftWatchCore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A running DriftWatch server, as the commands that send it simulated traffic see it.
struct SimulationClient: Sendable {
    /// A request that did not get the answer it needed.
    enum Failure: Error, CustomStringConvertible {
        /// No HTTP answer at all: the server is down, or the address is wrong.
        case unreachable(target: String, reason: String)
        /// An answer with an unexpected status.
        case refused(path: String, status: Int, body: String)

        var description: String {
            switch self {
            case .unreachable(let target, let reason):
                "cannot reach \(target): \(reason) (is `driftwatch serve` or `driftwatch demo` running there?)"
            case .refused(let path, let status, let body): "\(path) answered \(status): \(body)"
            }
        }
    }

    /// The server's base URL, without a trailing slash.
    let target: String

    /// A client of the server at `target` (`http://HOST:PORT`); nil when it is not an HTTP URL.
    init?(target: String) {
        let trimmed = target.hasSuffix("/") ? String(target.dropLast()) : target
        guard let url = URL(string: trimmed), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            return nil
        }
        self.target = trimmed
    }

    /// GETs `path` (with its query) and hands back the status and body.
    func get(_ path: String) async throws(Failure) -> (status: Int, body: Data) {
        try await send(path, method: "GET", body: nil, contentType: nil)
    }

    /// POSTs `body` to `path` and hands back the status and body.
    func post(_ path: String, _ body: Data, contentType: String) async throws(Failure) -> (status: Int, body: Data) {
        try await send(path, method: "POST", body: body, contentType: contentType)
    }

    /// The JSON object at `path`, requiring status 200.
    func object(_ path: String) async throws(Failure) -> [String: Any] {
        let (status, body) = try await get(path)
        guard status == 200, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw Failure.refused(path: path, status: status, body: String(decoding: body, as: UTF8.self))
        }
        return object
    }

    /// Stores inferences through `POST /v1/inferences`; waits and retries while the server's
    /// ingest queue is full (429).
    func store(_ events: [InferenceEvent]) async throws(Failure) {
        guard !events.isEmpty else { return }
        try await ingest("/v1/inferences", SimulationPayload.ndjson(events))
    }

    /// Stores labels through `POST /v1/labels`.
    func store(_ labels: [LabelEvent]) async throws(Failure) {
        guard !labels.isEmpty else { return }
        try await ingest("/v1/labels", SimulationPayload.ndjson(labels))
    }

    private func ingest(_ path: String, _ body: Data) async throws(Failure) {
        while true {
            let (status, answer) = try await post(path, body, contentType: "application/x-ndjson")
            if status == 200 { return }
            guard status == 429 else {
                throw Failure.refused(path: path, status: status, body: String(decoding: answer, as: UTF8.self))
            }
            try? await Task.sleep(for: .milliseconds(500))
            if Task.isCancelled { return }
        }
    }

    private func send(_ path: String, method: String, body: Data?, contentType: String?) async throws(Failure) -> (
        status: Int, body: Data
    ) {
        guard let url = URL(string: target + path) else {
            throw Failure.unreachable(target: target, reason: "\(target + path) is not a URL")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 30
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
        } catch {
            throw Failure.unreachable(target: target, reason: error.localizedDescription)
        }
    }
}
