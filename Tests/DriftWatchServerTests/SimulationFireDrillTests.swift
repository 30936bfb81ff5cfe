import DriftWatchCore
import DriftWatchSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import DriftWatchServer

/// A fire drill end to end: a time-scaled sudden drift is written through the API, the
/// scheduled monitors are run at simulated times, and the simulation's report scores them.
@Suite struct SimulationFireDrillTests {
    @Test func theDriftMonitorsCatchASuddenDriftAfterItStartsWithoutFalseAlarms() async throws {
        let window: TimeInterval = 600
        try await withMonitoredServer(window: window) { client, _, runner, _ in
            // Four of the fraud model's seven features shift by three standard deviations half an
            // hour into an hour of traffic, written in a few seconds.
            let body =
                #"{"model": "fraud", "scenario": {"type": "sudden_drift", "features": ["amount", "hour", "distance_from_home", "transactions_last_24h"], "magnitude": 3, "start_seconds": 1800}, "rate": 10, "duration_seconds": 3600, "seed": 5, "time_scale": 3600}"#
            let started = try await post(client, "/v1/simulations", body)
            #expect(started.status == .accepted)
            let id = try #require(started.body["id"] as? String)
            let ended = try await SimulationRouteTests.waitUntilEnded(client, id)
            #expect(ended["state"] as? String == "finished")
            let start = try #require((ended["traffic_start"] as? String).flatMap(SimulationRouteTests.time))

            // The monitors, every five simulated minutes once a full window of traffic exists.
            for minutes in stride(from: 10, through: 60, by: 5) {
                try await runner.runOnce(now: start.addingTimeInterval(Double(minutes) * 60))
            }

            let answer = try await get(client, "/v1/simulations/\(id)")
            let drill = try #require(answer.body["fire_drill"] as? [String: Any])
            let monitors = try #require(drill["monitors"] as? [[String: Any]])
            let byName = Dictionary(
                uniqueKeysWithValues: monitors.compactMap { m in (m["monitor"] as? String).map { ($0, m) } })
            for name in ["dataset_drift_share", "feature_drift_score:amount", "feature_drift_score:hour"] {
                let outcome = try #require(byName[name], "\(name) is scored")
                #expect(outcome["expected"] as? Bool == true, "\(name)")
                #expect(outcome["detected"] as? Bool == true, "\(name) detects the drift")
                let delay = try #require(outcome["detection_delay_seconds"] as? Double, "\(name)")
                #expect(delay > 0 && delay <= window, "\(name): detected by the first window that holds the fault")
                #expect(outcome["false_alarms"] as? Int == 0, "\(name): no alarm on clean traffic")
                #expect((outcome["observations_before_fault"] as? Int ?? 0) >= 4, "\(name): clean rounds were scored")
            }
            let latency = try #require(byName["latency_p99_ms"])
            #expect(latency["expected"] as? Bool == false)
            #expect(latency["detected"] as? Bool == false, "the latency did not change")
            let summary = try #require(drill["summary"] as? [String: Any])
            #expect(summary["expected_detected"] as? Int == summary["expected"] as? Int)
        }
    }
}
