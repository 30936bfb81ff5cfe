import DriftWatchSimulation
import Foundation
import Testing

/// Scoring monitors against an injected fault.
@Suite struct FireDrillTests {
    private let start = Date(timeIntervalSince1970: 1_000)

    private func at(_ seconds: Double, _ monitor: String, _ fired: Bool) -> MonitorObservation {
        MonitorObservation(time: start.addingTimeInterval(seconds), monitor: monitor, fired: fired)
    }

    @Test func reportsDetectionDelayAndFalseAlarmsPerMonitor() throws {
        let observations = [
            // psi: one false alarm spanning two evaluations, a second one, then detects 120 s in.
            at(-300, "psi", true), at(-240, "psi", true), at(-180, "psi", false), at(-120, "psi", true),
            at(-60, "psi", false), at(0, "psi", false), at(60, "psi", false), at(120, "psi", true),
            at(180, "psi", true),
            // ks: quiet before, fires at the very start.
            at(-60, "ks", false), at(0, "ks", true),
            // latency: never fires.
            at(-60, "latency", false), at(60, "latency", false), at(120, "latency", false),
        ].shuffled()
        let report = FireDrillReport(faultStart: start, observations: observations)
        #expect(report.monitors.map(\.monitor) == ["ks", "latency", "psi"])

        let psi = try #require(report.outcome(of: "psi"))
        #expect(psi.detected)
        #expect(psi.detectionDelaySeconds == 120)
        #expect(psi.detectedAt == start.addingTimeInterval(120))
        #expect(psi.falseAlarms == 2)
        #expect(psi.firingObservationsBeforeFault == 3)
        #expect(psi.observationsBeforeFault == 5)

        let ks = try #require(report.outcome(of: "ks"))
        #expect(ks.detected && ks.detectionDelaySeconds == 0 && ks.falseAlarms == 0)

        let latency = try #require(report.outcome(of: "latency"))
        #expect(!latency.detected && latency.detectionDelaySeconds == nil && latency.falseAlarms == 0)
    }

    @Test func groundTruthLocatesTheFault() throws {
        let gradual = try Scenario(
            ScenarioConfiguration(type: .gradualDrift, startSeconds: 600, durationSeconds: 300), model: Models.fraud)
        let truth = gradual.groundTruth(trafficStart: start)
        #expect(truth.start == start.addingTimeInterval(600))
        #expect(truth.fullEffect == start.addingTimeInterval(900))
        #expect(truth.end == nil)
        #expect(truth.features == ["amount", "distance_from_home"])
        #expect(truth.signals == [.featureDrift, .predictionDrift])

        let spike = try Scenario(
            ScenarioConfiguration(type: .latencySpike, startSeconds: 60, durationSeconds: 30), model: Models.churn)
        let spikeTruth = spike.groundTruth(trafficStart: start)
        #expect(spikeTruth.end == start.addingTimeInterval(90))
        #expect(spikeTruth.signals == [.latency, .errorRate])
        #expect(spikeTruth.features.isEmpty)

        let quality = try Scenario(
            ScenarioConfiguration(type: .dataQuality, features: ["sqft"], missingRate: 0.2), model: Models.price)
        #expect(quality.groundTruth(trafficStart: start).signals == [.missingValues, .featureDrift, .predictionDrift])

        let stream = try TrafficStream(
            model: Models.fraud, scenarios: [gradual], configuration: TrafficConfiguration(start: start))
        #expect(stream.faults == [truth])
    }

    @Test func reportScoresAgainstTheGroundTruth() throws {
        let scenario = try Scenario(ScenarioConfiguration(type: .suddenDrift, startSeconds: 300), model: Models.fraud)
        let fault = scenario.groundTruth(trafficStart: start)
        let observations = stride(from: 0.0, to: 900, by: 60).map { seconds in
            MonitorObservation(time: start.addingTimeInterval(seconds), monitor: "amount_psi", fired: seconds >= 420)
        }
        let outcome = try #require(FireDrillReport(fault: fault, observations: observations).outcome(of: "amount_psi"))
        #expect(outcome.detectionDelaySeconds == 120)
        #expect(outcome.falseAlarms == 0)
        #expect(outcome.observationsBeforeFault == 5)
    }

    @Test func reportEncodesWithSnakeCaseKeys() throws {
        let report = FireDrillReport(faultStart: start, observations: [at(30, "psi", true)])
        let text = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(text.contains("\"fault_start\""))
        #expect(text.contains("\"detection_delay_seconds\":30"))
        #expect(text.contains("\"false_alarms\":0"))
    }
}
