import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `driftwatch simulate` against a real server process, and its errors.
@Suite(.serialized) struct SimulateCommandTests {
    @Test func aShortDrillStoresItsEventsOnTheServer() async throws {
        let directory = try TemporaryDirectory()
        let port = TestPort.free()
        let server = try ServerProcess.start(port: port, dataDirectory: directory.path)
        defer { server.terminate() }
        let run = try Driftwatch.run([
            "simulate", "sudden_drift", "--target", "http://127.0.0.1:\(port)", "--duration", "3", "--rate", "50",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Simulating sudden_drift"), "\(run.stdout)")
        #expect(run.stdout.contains("Sent "), "\(run.stdout)")
        let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/v1/models/fraud")!)
        let model = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(model["task"] as? String == "binary", "the demo model was declared")
        let inferences = try #require((model["activity"] as? [String: Any])?["inferences"] as? Int)
        #expect(inferences > 50, "about 150 events in 3 s at 50/s")
        let (_, reference) = try await URLSession.shared.data(
            from: URL(string: "http://127.0.0.1:\(port)/v1/models/fraud/reference")!)
        #expect((reference as? HTTPURLResponse)?.statusCode == 200, "its reference was uploaded")
    }

    @Test func anUnreachableTargetExitsWith2() throws {
        let run = try Driftwatch.run(["simulate", "latency_spike", "--target", "http://127.0.0.1:9", "--duration", "1"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot reach http://127.0.0.1:9"), "\(run.stderr)")
    }

    @Test(arguments: [
        (["simulate", "sideways"], "unknown scenario 'sideways'"),
        (["simulate", "sudden_drift", "--model", "weather"], "--model: unknown demo model 'weather'"),
        (
            ["simulate", "sudden_drift", "--features", "amount,nope"],
            "--features: the fraud model has no feature 'nope'"
        ),
        (["simulate", "concept_drift", "--magnitude", "5"], "--magnitude"),
        (["simulate", "sudden_drift", "--target", "ftp://example.com"], "--target"),
    ])
    func badInputExitsWith2NamingIt(arguments: [String], message: String) throws {
        let run = try Driftwatch.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
