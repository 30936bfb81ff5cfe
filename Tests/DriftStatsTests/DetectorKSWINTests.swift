import Testing

@testable import DriftStats

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

    /// The fast path reads r·D off a mask of the sorted window and a table of counts; on the
    /// same drawn samples, read back from it, its decision must be scipy's exact test's, over
    /// continuous values, values with many ties and values with NaNs.
    @Test(arguments: [
        (100, 30, 0.005), (40, 10, 0.005), (128, 64, 0.01), (2, 1, 1.0), (20, 10, 0.5), (101, 7, 0.05),
        (65, 32, 0.001),
    ])
    func decidesAsScipyOnTheDrawnSamples(_ n: Int, _ r: Int, _ alpha: Double) throws {
        var random = SeededRandomNumberGenerator(seed: 42)
        for kind in 0..<3 {
            var detector = KSWIN(alpha: alpha, windowSize: n, statSize: r, seed: UInt64(kind))
            detector.completesSamples = true
            var window: [Double] = []
            var tests = 0
            for step in 0..<3000 {
                if detector.driftDetected { window.removeAll() }
                let shift = Double(step / 400 % 2)
                var x = (0..<3).reduce(0.0) { sum, _ in sum + Double.random(in: 0..<1, using: &random) } + shift
                if kind == 1 { x = (2 * x).rounded() }
                if kind == 2 && Double.random(in: 0..<1, using: &random) < 0.002 { x = .nan }
                detector.update(x)
                window.append(x)
                if window.count > n { window.removeFirst() }
                guard window.count == n, !window.contains(where: \.isNaN) else {
                    #expect(!detector.driftDetected)
                    continue
                }
                tests += 1
                let samples = try #require(detector.lastSamples)
                #expect(samples.recent == window.suffix(r).sorted())
                #expect(samples.drawn.count == r)
                var older = Dictionary(window.prefix(n - r).map { ($0, 1) }, uniquingKeysWith: +)
                for value in samples.drawn { older[value, default: 0] -= 1 }
                #expect(older.values.allSatisfy { $0 >= 0 })
                let outcome = try KolmogorovSmirnovTest.test(
                    SortedSample(sorted: samples.drawn), SortedSample(sorted: samples.recent))
                let rejects = outcome.pValue.map { $0 <= alpha } == true && outcome.statistic > 0.1
                #expect(detector.driftDetected == rejects, "n \(n), r \(r), kind \(kind), step \(step)")
            }
            #expect(tests > 300)
        }
    }

    /// Every r-subset of the older values is drawn equally often: the ranks of the drawn values
    /// among the older ones, over many windows of distinct values.
    @Test(arguments: [(10, 3), (100, 30), (9, 4)])
    func drawsEverySubsetEquallyOften(_ n: Int, _ r: Int) throws {
        var detector = KSWIN(alpha: 0, windowSize: n, statSize: r, seed: 5)
        detector.completesSamples = true
        var random = SeededRandomNumberGenerator(seed: 6)
        var window: [Double] = []
        var subsets: [[Int]: Int] = [:]
        var rankCounts = [Int](repeating: 0, count: n - r)
        let draws = 40_000
        for _ in 0..<(draws + n - 1) {
            let x = Double.random(in: 0..<1, using: &random)
            detector.update(x)
            window.append(x)
            if window.count > n { window.removeFirst() }
            guard window.count == n else { continue }
            let older = window.prefix(n - r).sorted()
            let ranks = try #require(detector.lastSamples).drawn.map { older.firstIndex(of: $0)! }
            for rank in ranks { rankCounts[rank] += 1 }
            if n <= 10 { subsets[ranks, default: 0] += 1 }
        }
        // Each rank is drawn with probability r/(n − r).
        let expected = Double(draws * r) / Double(n - r)
        let spread = (expected * (1 - Double(r) / Double(n - r))).squareRoot()
        #expect(rankCounts.allSatisfy { abs(Double($0) - expected) < 5 * spread }, "\(rankCounts)")
        guard n <= 10 else { return }
        // And each subset with probability 1/C(n − r, r): a χ² test with generous bounds.
        var cells = 1
        for k in 0..<r { cells = cells * (n - r - k) / (k + 1) }
        #expect(subsets.count == cells)
        let perCell = Double(draws) / Double(cells)
        let chiSquare = subsets.values.reduce(0.0) { $0 + (Double($1) - perCell) * (Double($1) - perCell) / perCell }
        let degrees = Double(cells - 1)
        #expect(abs(chiSquare - degrees) < 6 * (2 * degrees).squareRoot(), "χ² \(chiSquare) on \(cells - 1) df")
    }
}
