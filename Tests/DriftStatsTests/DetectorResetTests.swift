import DriftStats
import Testing

/// River's reset-after-drift: the update after a detection starts the detector afresh, so from
/// then on it behaves exactly like a new detector fed the rest of the stream.
@Suite struct DetectorResetTests {
    /// Each detector with a stream on which its defaults detect drift.
    static let cases: [(String, String)] = [
        ("adwin", "real_abrupt"), ("kswin", "real_abrupt"), ("page_hinkley", "real_abrupt"),
        ("ddm", "binary_abrupt"), ("eddm", "binary_abrupt"), ("hddm_a", "binary_abrupt"),
        ("hddm_w", "binary_abrupt"), ("fhddm", "binary_falling"), ("cusum", "real_abrupt"),
    ]

    @Test(arguments: cases)
    func startsAfreshAfterADrift(_ name: String, _ stream: String) throws {
        let values = DetectorFixtures.shared.values(stream)
        var detector = try DriftDetectors.make(name)
        let whole = feedDetector(&detector, values)
        let first = try #require(whole.drifts.first, "\(name) detects nothing on \(stream)")
        var fresh = try DriftDetectors.make(name)
        let rest = feedDetector(&fresh, Array(values[(first + 1)...]))
        #expect(whole.drifts.dropFirst().map { $0 - first - 1 } == rest.drifts)
        #expect(whole.warnings.filter { $0 > first }.map { $0 - first - 1 } == rest.warnings)
    }

    @Test func coversEveryDetector() {
        #expect(Self.cases.map(\.0) == DriftDetectors.names)
    }

    @Test func reportsADriftOnlyOnce() {
        var detector = CUSUM(k: 0.5, h: 2, mu0: 0)
        for _ in 0..<3 { detector.update(0) }
        detector.update(10)
        #expect(detector.driftDetected)
        detector.update(0)
        #expect(!detector.driftDetected)
    }

    @Test func reestimatesTheCUSUMTargetAfterADrift() {
        var detector = CUSUM(h: 3, warmUp: 4)
        for x in [1.0, 1, 1, 1, 1, 1] { detector.update(x) }
        #expect(!detector.driftDetected)
        detector.update(10)
        #expect(detector.driftDetected)
        // A new warm-up around 10: no alarm while it lasts, none after it at the new level.
        for _ in 0..<8 {
            detector.update(10)
            #expect(!detector.driftDetected)
        }
    }
}
