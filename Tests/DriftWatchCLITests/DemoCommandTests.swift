import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `driftwatch demo` as a user starts it: a server that answers at once, three demo models
/// with traffic within seconds, a dashboard, and a clean exit on SIGTERM.
@Suite(.serialized) struct DemoCommandTests {
    @Test func theDemoServesThreeModelsWithTrafficAndStopsCleanly() async throws {
        let directory = try TemporaryDirectory()
        let port = TestPort.free()
        let demo = try ServerProcess.start(
            port: port, dataDirectory: directory.path,
            arguments: ["demo", "--port", "\(port)", "--data-dir", directory.path, "--rate", "5"])
        let base = "http://127.0.0.1:\(port)"
        var inferences: [String: Int] = [:]
        let deadline = ContinuousClock.now + .seconds(600)  // stops a hung run, not a slow one
        while ContinuousClock.now < deadline {
            for id in ["fraud", "price", "churn"] {
                let model = try? await Self.object("\(base)/v1/models/\(id)")
                inferences[id] = (model?["activity"] as? [String: Any])?["inferences"] as? Int ?? 0
            }
            if inferences.values.allSatisfy({ $0 > 0 }) && inferences.count == 3 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(inferences.count == 3 && inferences.values.allSatisfy { $0 > 0 }, "\(inferences)")
        let listed = try await Self.object("\(base)/v1/models")["models"] as? [[String: Any]]
        let ids = Set(listed?.compactMap { $0["id"] as? String } ?? [])
        #expect(ids.isSuperset(of: ["fraud", "price", "churn"]), "\(ids)")

        var dashboard = URLRequest(url: URL(string: "\(base)/")!)
        dashboard.timeoutInterval = 300
        let (page, response) = try await URLSession.shared.data(for: dashboard)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(!page.isEmpty)

        demo.process.terminate()
        demo.process.waitUntilExit()
        #expect(demo.process.terminationReason == .exit)
        #expect(demo.process.terminationStatus == 0)
    }

    @Test func aBadRateIsRefused() throws {
        let run = try Driftwatch.run(["demo", "--rate", "0"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--rate"), "\(run.stderr)")
    }

    static func object(_ url: String) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: url)!)
        request.timeoutInterval = 300
        let (data, _) = try await URLSession.shared.data(for: request)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
