import DriftStats
import DriftWatchCore
import Foundation
import Testing

@testable import DriftWatchServer

@Suite struct ServiceHealthDetectorTests {
    static let end = Date(timeIntervalSince1970: 1_780_000_000)

    /// Minute profiles over 6 hours: latency around `base` ms, then around `spike` ms over the
    /// last `spikeMinutes` minutes; one error in every 50 events throughout.
    static func series(base: Double, spike: Double, spikeMinutes: Int) -> [(start: Date, profile: TrafficProfile)] {
        var generator = SeededRandomNumberGenerator(seed: 5)
        return (0..<360).map { minute in
            var profile = TrafficProfile()
            let level = minute >= 360 - spikeMinutes ? spike : base
            for k in 0..<50 {
                profile.add(
                    ProfiledEvent(
                        position: Int64(minute * 50 + k), modelID: "m", timestamp: end,
                        latencyMilliseconds: level * Double.random(in: 0.8...1.2, using: &generator),
                        error: k == 0 ? "boom" : nil))
            }
            return (end - Double(360 - minute) * 60, profile)
        }
    }

    static var window: TimeWindow { TimeWindow(from: end - 3600, to: end) }

    @Test func aLatencySpikeInTheWindowIsDetected() {
        let results = ServiceHealthDetectors.evaluate(
            model: "m", series: Self.series(base: 20, spike: 200, spikeMinutes: 30), window: Self.window)
        let latency = results.filter { $0.feature.hasPrefix("latency_p95_ms:") }
        #expect(latency.count == 3)
        #expect(latency.first { $0.feature.hasSuffix("page_hinkley") }?.value == 1)
        #expect(latency.first { $0.feature.hasSuffix("adwin") }?.value == 1)
        #expect(latency.first { $0.feature.hasSuffix("cusum") }?.value == 1)
        // The error rate did not change.
        #expect(results.filter { $0.feature.hasPrefix("error_rate:") }.allSatisfy { $0.value == 0 })
    }

    @Test func aSteadyServiceRaisesNothing() {
        let results = ServiceHealthDetectors.evaluate(
            model: "m", series: Self.series(base: 20, spike: 20, spikeMinutes: 0), window: Self.window)
        #expect(results.count == 6)
        #expect(results.allSatisfy { $0.value == 0 }, "\(results)")
    }
}
