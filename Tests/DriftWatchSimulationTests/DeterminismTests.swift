import DriftWatchCore
import DriftWatchSimulation
import Foundation
import Testing

/// Same seed, same traffic; another seed, other traffic.
@Suite struct DeterminismTests {
    @Test(arguments: DemoModelKind.allCases)
    func sameSeedGivesIdenticalEvents(_ kind: DemoModelKind) throws {
        let model = Models.model(kind)
        let configuration = TrafficConfiguration(
            start: trafficStart, eventsPerSecond: 25, limit: .count(2_000), seed: 42)
        let first = Array(try TrafficStream(model: model, configuration: configuration))
        let second = Array(try TrafficStream(model: model, configuration: configuration))
        #expect(first.count == 2_000)
        #expect(first == second)
    }

    @Test(arguments: DemoModelKind.allCases)
    func differentSeedsGiveDifferentEvents(_ kind: DemoModelKind) throws {
        let model = Models.model(kind)
        let a = try events(model, count: 500, seed: 1)
        let b = try events(model, count: 500, seed: 2)
        let differing = zip(a, b).filter { $0.inference.features != $1.inference.features }.count
        #expect(differing > 490)
    }

    @Test func scenariosDoNotDisturbTheDrawsOfOtherEvents() throws {
        // Only the affected feature may differ from clean traffic; everything else is identical.
        let clean = try events(Models.fraud, count: 2_000)
        let drifted = try events(
            Models.fraud, [ScenarioConfiguration(type: .suddenDrift, features: ["amount"], startSeconds: 100)],
            count: 2_000)
        for (a, b) in zip(clean, drifted) {
            var features = b.inference.features
            features["amount"] = a.inference.features["amount"]
            #expect(features == a.inference.features)
            #expect(a.inference.segments == b.inference.segments)
            #expect(a.inference.latencyMilliseconds == b.inference.latencyMilliseconds)
            #expect(a.inference.timestamp == b.inference.timestamp)
        }
    }

    /// Pins a few values of seed 0 so that a change in any draw or transform, or a platform
    /// that computes differently, shows up.
    @Test func seedZeroIsPinned() throws {
        let configuration = TrafficConfiguration(start: trafficStart, limit: .count(3), seed: 0)
        let stream = Array(try TrafficStream(model: Models.fraud, configuration: configuration))
        let summary = stream.map { event in
            [
                event.inference.requestID,
                "\(event.inference.timestamp.timeIntervalSince(trafficStart))",
                "\(event.inference.features["amount"].map { "\($0)" } ?? "-")",
                "\(event.inference.probabilities["1"] ?? -1)",
            ].joined(separator: " ")
        }
        #expect(summary == Self.pinned, "\(summary)")
    }

    static let pinned = [
        "fraud-0-0 0.00439608097076416 number(59.63) 0.0010249738170870512",
        "fraud-0-1 0.06758224964141846 number(432.91) 0.022234801650162044",
        "fraud-0-2 0.1335141658782959 number(42.3) 0.0021384553034341563",
    ]

    @Test func poissonArrivalsAverageTheRate() throws {
        let configuration = TrafficConfiguration(start: trafficStart, eventsPerSecond: 40, limit: .duration(500))
        let stream = Array(try TrafficStream(model: Models.churn, configuration: configuration))
        #expect(abs(Double(stream.count) - 20_000) < 600, "\(stream.count) events")
        #expect(zip(stream, stream.dropFirst()).allSatisfy { $0.inference.timestamp < $1.inference.timestamp })
        #expect(offset(try #require(stream.last)) < 500)
    }
}
