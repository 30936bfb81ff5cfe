import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real server process, killed with SIGKILL while clients send events, keeps every event
/// it acknowledged.
@Suite(.serialized) struct ServerDurabilityTests {
    @Test func everyAcknowledgedEventSurvivesSIGKILL() async throws {
        let directory = try TemporaryDirectory()
        let port = TestPort.free()
        let first = try ServerProcess.start(port: port, dataDirectory: directory.path)
        let acknowledged = AcknowledgedIDs()
        let base = URL(string: "http://127.0.0.1:\(port)")!
        // Four connections send batches of 50 until the server dies.
        await withTaskGroup(of: Void.self) { group in
            for client in 0..<4 {
                group.addTask {
                    for batch in 0..<400 {
                        let ids = (0..<50).map { "c\(client)-b\(batch)-e\($0)" }
                        let body = ids.map {
                            #"{"model_id":"durable","request_id":"\#($0)","y_pred_num":1,"features":{"x":\#(batch)}}"#
                        }
                        .joined(separator: "\n")
                        var request = URLRequest(url: base.appendingPathComponent("v1/inferences"))
                        request.httpMethod = "POST"
                        request.setValue("application/x-ndjson", forHTTPHeaderField: "Content-Type")
                        request.httpBody = Data(body.utf8)
                        guard let (_, response) = try? await URLSession.shared.data(for: request),
                            (response as? HTTPURLResponse)?.statusCode == 200
                        else { return }
                        await acknowledged.add(ids)
                    }
                }
            }
            group.addTask {
                // Kill once a good number of batches has been acknowledged.
                while await acknowledged.count < 2_000 { try? await Task.sleep(for: .milliseconds(5)) }
                first.kill()
            }
        }
        let stored = await acknowledged.all
        #expect(stored.count >= 2_000)
        let server = try ServerProcess.start(port: port, dataDirectory: directory.path)
        var missing: [String] = []
        for id in stored.shuffled().prefix(300) {
            let url = base.appendingPathComponent("v1/models/durable/events/\(id)")
            let (_, response) = try await URLSession.shared.data(from: url)
            if (response as? HTTPURLResponse)?.statusCode != 200 { missing.append(id) }
        }
        #expect(missing.isEmpty, "acknowledged but lost: \(missing.prefix(10))")
        let (model, _) = try await URLSession.shared.data(from: base.appendingPathComponent("v1/models/durable"))
        let object = try #require(try JSONSerialization.jsonObject(with: model) as? [String: Any])
        let count = try #require((object["activity"] as? [String: Any])?["inferences"] as? Int)
        #expect(
            count >= stored.count, "every acknowledged event is stored (\(count) stored, \(stored.count) acknowledged)")
        // The profiles count every stored event exactly once, however the crash fell between
        // storing events and profiling them.
        let (overview, _) = try await URLSession.shared.data(
            from: URL(string: "http://127.0.0.1:\(port)/v1/models/durable/overview?window=30d")!)
        let profiled = try #require(try JSONSerialization.jsonObject(with: overview) as? [String: Any])
        #expect(profiled["inferences"] as? Int == count)
        server.terminate()
        // A rebuild from the raw events gives the same count.
        let rebuild = try Driftwatch.run(["rebuild", "--data-dir", directory.path])
        #expect(rebuild.status == 0, "\(rebuild.stderr)")
        #expect(rebuild.stdout.contains("rebuilt profiles from \(count) events"), "\(rebuild.stdout)")
    }
}

/// SIGTERM drains in-flight requests and exits 0.
@Suite(.serialized) struct ServerShutdownTests {
    @Test func sigtermExitsCleanlyAndKeepsWhatWasAcknowledged() async throws {
        let directory = try TemporaryDirectory()
        let port = TestPort.free()
        let server = try ServerProcess.start(port: port, dataDirectory: directory.path)
        let base = URL(string: "http://127.0.0.1:\(port)")!
        var request = URLRequest(url: base.appendingPathComponent("v1/inferences"))
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"model_id": "m", "request_id": "before-term", "y_pred_num": 1}"#.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        server.process.terminate()
        server.process.waitUntilExit()
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
        let restarted = try ServerProcess.start(port: port, dataDirectory: directory.path)
        defer { restarted.terminate() }
        let (_, lookup) = try await URLSession.shared.data(
            from: base.appendingPathComponent("v1/models/m/events/before-term"))
        #expect((lookup as? HTTPURLResponse)?.statusCode == 200)
    }
}

/// Request ids the server acknowledged with 200.
actor AcknowledgedIDs {
    private(set) var all: [String] = []
    var count: Int { all.count }
    func add(_ ids: [String]) { all += ids }
}

/// A `driftwatch serve` child process.
struct ServerProcess: Sendable {
    let process: Process

    /// Starts `driftwatch serve` with `arguments` (by default on `port` with `dataDirectory`) and
    /// waits until it answers on `port`; its log goes to `log` when given.
    static func start(
        port: Int, dataDirectory: String, arguments: [String]? = nil, log: FileHandle? = nil
    ) throws -> ServerProcess {
        let process = Process()
        process.executableURL = Driftwatch.executable
        process.arguments = arguments ?? ["serve", "--port", "\(port)", "--data-dir", dataDirectory]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = log ?? FileHandle.nullDevice
        try process.run()
        let health = URL(string: "http://127.0.0.1:\(port)/health")!
        // The bound only stops a hung start: a loaded machine may take long to start a process.
        for _ in 0..<6_000 {
            if let data = try? Data(contentsOf: health), !data.isEmpty { return ServerProcess(process: process) }
            guard process.isRunning else {
                throw ServerFailure(message: "the server exited while starting (status \(process.terminationStatus))")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw ServerFailure(message: "the server did not answer /health within 300 s")
    }

    /// SIGKILL: no chance to flush or clean up.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func terminate() {
        process.terminate()
        process.waitUntilExit()
    }
}

struct ServerFailure: Error {
    var message: String
}
