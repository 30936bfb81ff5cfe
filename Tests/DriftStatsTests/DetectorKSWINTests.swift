import DriftStats
import Testing

/// KSWIN cannot reproduce River's indices (River samples with CPython's `random`), so these
/// check that it behaves like River's over many seeds on the committed streams.
@Suite struct DetectorKSWINTests {
    static let seeds = UInt64(1)...20

    /// Every drift index of KSWIN with `seed` on the stream called `name`.
    func drifts(seed: UInt64, _ name: String) -> [Int] {
        var detector: any DriftDetector = KSWIN(seed: seed)
        return feedDetector(&detector, DetectorFixtures.shared.values(name)).drifts
    }

    /// River's KSWIN runs on the stream called `name`, one per seed.
    func riverRuns(_ name: String) -> [[Int]] {
        DetectorFixtures.shared.runs.filter { $0.detector == KSWIN.name && $0.stream == name }.map(\.detections)
    }

    @Test func detectsAnAbruptShiftWithinSixtyValues() {
        // The mean moves by one standard deviation at index 1000; River's first detections
        // after it fall in 1022...1028.
        let river = riverRuns("real_abrupt")
        #expect(river.count == Self.seeds.count)
        for run in river { #expect(run.first { $0 >= 1000 }.map { $0 < 1060 } == true) }
        for seed in Self.seeds {
            let first = drifts(seed: seed, "real_abrupt").first { $0 >= 1000 }
            #expect(first.map { $0 < 1060 } == true, "seed \(seed): first detection \(String(describing: first))")
        }
    }

    @Test func raisesFewFalseAlarmsLikeRiver() {
        // On 3000 values without drift River raises 5 false alarms a run on average (at most 10).
        let river = riverRuns("real_none").map(\.count)
        let ours = Self.seeds.map { drifts(seed: $0, "real_none").count }
        let riverMean = Double(river.reduce(0, +)) / Double(river.count)
        let ourMean = Double(ours.reduce(0, +)) / Double(ours.count)
        #expect(ours.allSatisfy { $0 <= 12 }, "\(ours)")
        #expect(ourMean >= 0.6 * riverMean && ourMean <= 1.5 * riverMean, "ours \(ourMean), River's \(riverMean)")
    }

    @Test func sameSeedSameDetections() {
        #expect(drifts(seed: 7, "real_gradual") == drifts(seed: 7, "real_gradual"))
        #expect(drifts(seed: 7, "real_gradual") != drifts(seed: 8, "real_gradual"))
    }

    @Test func skipsTheTestWhileANaNIsInTheWindow() {
        // scipy's statistic is NaN then, so River never detects: the jump to 1000 at index 31
        // goes unreported while the NaN at index 30 is among the last 40 values, and the fall
        // back to 0 at index 80 is reported once it has left.
        func firstDrift(_ x: Double) -> Int? {
            var detector: any DriftDetector = KSWIN(windowSize: 40, statSize: 10, seed: 3)
            let values =
                Array(repeating: 0, count: 30) + [x] + Array(repeating: 1000, count: 49)
                + Array(repeating: 0, count: 40)
            return feedDetector(&detector, values).drifts.first
        }
        #expect(firstDrift(1000).map { $0 < 50 } == true)
        #expect(firstDrift(.nan).map { $0 >= 80 && $0 < 100 } == true)
    }

    @Test func largeWindowsDetectAShiftAndFewFalseAlarms() {
        // 300 older values exceed the 128-bit fast path of the sampler.
        let none = DetectorFixtures.shared.values("real_none")
        let shifted = Array(none[0..<400]) + none[400..<500].map { $0 + 5 }
        for seed in UInt64(1)...10 {
            var detector: any DriftDetector = KSWIN(windowSize: 400, statSize: 100, seed: seed)
            let first = feedDetector(&detector, shifted).drifts.first
            #expect(first.map { $0 >= 400 && $0 < 450 } == true, "seed \(seed): \(String(describing: first))")
            var quiet: any DriftDetector = KSWIN(windowSize: 400, statSize: 100, seed: seed)
            #expect(feedDetector(&quiet, none).drifts.count <= 5)
        }
    }

    /// With n = 2r the drawn sample is every older value, so D is known: h/r for the values
    /// 0..<r followed by h..<h + r. scipy's `ks_2samp` first gives p ≤ α (with D > 0.1) at the
    /// listed h; with r = 5 no shift is significant at 0.005.
    @Test(arguments: [(30, 0.005, 14), (10, 0.005, 8), (30, 0.0001, 17), (100, 0.005, 25), (5, 0.005, 6)])
    func rejectsFromTheSameShiftAsScipy(_ r: Int, _ alpha: Double, _ critical: Int) {
        for h in [critical - 1, critical] where h <= r {
            var detector = KSWIN(alpha: alpha, windowSize: 2 * r, statSize: r, seed: 1)
            for i in 0..<r { detector.update(Double(i)) }
            for i in h..<(h + r) { detector.update(Double(i)) }
            #expect(detector.driftDetected == (h == critical), "r \(r), h \(h)")
        }
    }
}
