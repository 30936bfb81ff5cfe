import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DriftWatchServer

/// `POST /v1/simulations`, `GET /v1/simulations[/{id}]` and `POST /simulate/{scenario}` on the
/// real router and a real SQLite store.
@Suite struct SimulationRouteTests {
    @Test func aTimeScaledSimulationRunsToTheEndAndItsEventsAreStored() async throws {
        try await withServer { client, store in
            let body =
                #"{"model": "fraud", "scenario": {"type": "sudden_drift", "features": ["amount"], "start_seconds": 30}, "rate": 20, "duration_seconds": 120, "seed": 3, "time_scale": 240}"#
            let started = try await post(client, "/v1/simulations", body)
            #expect(started.status == .accepted)
            let id = try #require(started.body["id"] as? String)
            #expect(started.body["state"] as? String == "running")
            #expect(started.body["model_id"] as? String == "fraud")
            let fault = try #require(started.body["fault"] as? [String: Any])
            #expect(fault["scenario"] as? String == "sudden_drift")
            #expect(fault["features"] as? [String] == ["amount"])
            let trafficStart = try #require((started.body["traffic_start"] as? String).flatMap(Self.time))
            let faultStart = try #require((fault["start"] as? String).flatMap(Self.time))
            #expect(abs(faultStart.timeIntervalSince(trafficStart) - 30) < 0.01)

            let finished = try await Self.waitUntilEnded(client, id)
            #expect(finished["state"] as? String == "finished")
            let sent = try #require(finished["events_sent"] as? Int)
            #expect(sent > 1_000, "about 20 × 120 events")
            #expect(try await store.inferenceCount(modelID: "fraud") == sent)
            #expect(finished["labels_pending"] as? Int == 0)
            #expect((finished["labels_sent"] as? Int ?? 0) > 0)
            #expect(finished["fire_drill"] is [String: Any])

            // The demo model was declared with its reference, so drift is measurable at once.
            let model = try await get(client, "/v1/models/fraud")
            #expect(model.body["task"] as? String == "binary")
            #expect(try await get(client, "/v1/models/fraud/reference").status == .ok)
            let list = try await get(client, "/v1/simulations")
            #expect((list.body["simulations"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            #expect(try await get(client, "/v1/simulations/latest").body["id"] as? String == id)
        }
    }

    @Test func theOlderStacksPathTakesTheScenarioFromThePath() async throws {
        try await withServer { client, store in
            let started = try await post(
                client, "/simulate/latency_spike",
                #"{"model": "price", "rate": 10, "duration_seconds": 60, "time_scale": 600}"#)
            #expect(started.status == .accepted)
            let scenario = try #require(started.body["scenario"] as? [String: Any])
            #expect(scenario["type"] as? String == "latency_spike")
            let finished = try await Self.waitUntilEnded(client, try #require(started.body["id"] as? String))
            #expect(finished["state"] as? String == "finished")
            #expect(finished["model_id"] as? String == "price")
            let stored = try await store.inferenceCount(modelID: "price")
            #expect(stored > 0)
            #expect(stored == finished["events_sent"] as? Int)
        }
    }

    @Test(arguments: [
        ("/v1/simulations", "{}", "scenario"),
        ("/v1/simulations", #"{"scenario": {"type": "sideways"}}"#, "scenario.type"),
        ("/v1/simulations", #"{"model": "weather", "scenario": {"type": "sudden_drift"}}"#, "model"),
        ("/v1/simulations", #"{"scenario": {"type": "sudden_drift", "features": ["nope"]}}"#, "scenario.features[0]"),
        ("/v1/simulations", #"{"scenario": {"type": "sudden_drift", "magnitude": "big"}}"#, "scenario.magnitude"),
        ("/v1/simulations", #"{"scenario": {"type": "gradual_drift"}}"#, "scenario.duration_seconds"),
        ("/v1/simulations", #"{"scenario": {"type": "sudden_drift"}, "rate": -1}"#, "rate"),
        ("/v1/simulations", #"{"scenario": {"type": "sudden_drift"}, "time_scale": 0.5}"#, "time_scale"),
        ("/v1/simulations", #"{"scenario": {"type": "sudden_drift"}, "colour": "red"}"#, "colour"),
        (
            "/v1/simulations", #"{"scenario": {"type": "sudden_drift", "start_seconds": 90}, "duration_seconds": 60}"#,
            "scenario.start_seconds"
        ),
        ("/simulate/sideways", "", "scenario"),
        ("/simulate/latency_spike", #"{"scenario": {"type": "sudden_drift"}}"#, "scenario.type"),
        ("/simulate/latency_spike", #"{"scenario": {"magnitude": 0}}"#, "scenario.magnitude"),
    ])
    func badInputIsRefusedNamingTheField(path: String, body: String, field: String) async throws {
        try await withServer { client, _ in
            let answer = try await post(client, path, body)
            #expect(answer.status == .unprocessableContent, "\(body)")
            #expect(answer.body["field"] as? String == field, "\(answer.body)")
            #expect(answer.body["error"] is String)
            let list = try await get(client, "/v1/simulations")
            #expect((list.body["simulations"] as? [Any])?.isEmpty == true, "nothing was started")
        }
    }

    @Test func aBodyThatIsNotJSONOrAnUnknownIdIsRefused() async throws {
        try await withServer { client, _ in
            let malformed = try await post(client, "/v1/simulations", "{")
            #expect(malformed.status == .badRequest)
            #expect(malformed.body["error"] is String)
            let unknown = try await get(client, "/v1/simulations/sim-unknown")
            #expect(unknown.status == .notFound)
        }
    }

    @Test func simulationsBeyondTheBoundAreRefusedWith429() async throws {
        let directory = NSTemporaryDirectory() + "driftwatch-simulations-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteEventStore(path: directory + "/driftwatch.sqlite")
        try await store.migrate()
        let metrics = ServerMetrics()
        let sink = SimulationSink(
            writer: GroupCommitWriter(store: store), models: ModelRegistry(store: store),
            admission: IngestAdmission(capacity: 10_000, metrics: metrics), metrics: metrics)
        let registry = SimulationRegistry(sink: sink, maxRunning: 1)
        let router = Router()
        SimulationRoutes<BasicRequestContext>(registry: registry, limits: IngestLimits()).add(to: router)
        try await Application(router: router).test(.router) { client in
            // No body: the path's scenario on the fraud model, with the default traffic (a real-time minute).
            let first = try await post(client, "/simulate/sudden_drift", "")
            #expect(first.status == .accepted)
            #expect(first.body["model_id"] as? String == "fraud")
            #expect(first.body["duration_seconds"] as? Double == 60)
            let id = try #require(first.body["id"] as? String)

            let refused = try await client.execute(
                uri: "/v1/simulations", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"scenario": {"type": "latency_spike"}}"#)
            ) { response in response }
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] != nil)
            #expect(try json(refused.body)["error"] is String)

            #expect(await registry.cancel(id)?.state == .cancelled)
            let second = try await post(client, "/v1/simulations", #"{"scenario": {"type": "latency_spike"}}"#)
            #expect(second.status == .accepted, "a slot is free again")
            let list = try await get(client, "/v1/simulations")
            #expect(list.body["running"] as? Int == 1)
            #expect(list.body["max_running"] as? Int == 1)
            let states = (list.body["simulations"] as? [[String: Any]])?.compactMap { $0["state"] as? String }
            #expect(states == ["running", "cancelled"])
            // The dashboard reads the same simulations.
            let shown = try await registry.simulations()
            #expect(shown.map(\.state) == ["running", "cancelled"])
            #expect(shown.map(\.scenario) == ["latency_spike", "sudden_drift"])
            #expect(shown.last?.id == id && shown.last?.model == "fraud")
            _ = await registry.cancel(try #require(second.body["id"] as? String))
        }
    }

    /// Polls the simulation until it is no longer running. The bound only stops a hung run;
    /// a loaded machine writes the traffic slowly, and the tests assert what was written.
    static func waitUntilEnded(_ client: any TestClientProtocol, _ id: String) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(900)
        while true {
            let answer = try await get(client, "/v1/simulations/\(id)")
            #expect(answer.status == .ok)
            if answer.body["state"] as? String != "running" || ContinuousClock.now > deadline { return answer.body }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    static func time(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}
