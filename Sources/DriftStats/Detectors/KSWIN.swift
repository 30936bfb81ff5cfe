/// Kolmogorov–Smirnov WINdowing (Raab, Heusinger & Schleif 2020), as River 0.26's `drift.KSWIN`.
///
/// KSWIN keeps the last n = `windowSize` values. Once it holds n, every update compares the
/// newest r = `statSize` values R with r values W drawn uniformly without replacement from the
/// n − r older ones, by the two-sided two-sample Kolmogorov–Smirnov test with scipy's exact
/// p-value (``KolmogorovSmirnovTest``), and declares drift when p ≤ `alpha` and D > 0.1.
///
/// River draws W with CPython's `random.sample`, whose indices cannot be reproduced here. This
/// port draws the same kind of sample, r of the n − r older values uniformly without replacement,
/// with ``SeededRandomNumberGenerator``, independently at each test. The window is kept sorted
/// as it slides, each value flagged as recent or older, so that D·r, the largest gap between
/// the two samples' counts (both hold r values), is one walk over it; whether p ≤ α and D > 0.1
/// is settled once, as the smallest gap that rejects. Windows larger than 128 values draw W by
/// Floyd's algorithm over the older values' ranks (a uniform subset of ranks is a uniform subset
/// of values). Windows of at most 128 (the default holds 100) keep the same state in a faster
/// layout, `KSWINCompactWindow`, which draws W in two passes (``KSWINSampler``) and skips the
/// second when the first settles the decision; each reaches the same decision on the same
/// sample. As in River, the generator restarts from `seed` whenever the detector resets;
/// River's default seed is unset (random), here it is 0 so that runs repeat.
public struct KSWIN: DriftDetector {
    public static let name = "kswin"
    public static let hasWarnings = false

    /// The significance level of the KS test.
    public let alpha: Double
    /// The number of recent values kept.
    public let windowSize: Int
    /// The size r of both compared samples.
    public let statSize: Int
    /// The seed the sampling restarts from at each reset.
    public let seed: UInt64
    public private(set) var driftDetected = false
    public var warningDetected: Bool { false }

    /// The window as a ring, oldest at `start` once full.
    private var ring: [Double]
    private var count = 0
    private var start = 0
    /// The window sorted, each value flagged as recent or older.
    private var sorted: SortedWindow
    /// NaNs in the window: scipy's statistic is NaN then and River never detects.
    private var nanCount = 0
    private var generator: SeededRandomNumberGenerator
    /// The ranks among the older values drawn for this update, as a bit set (with a spare bit
    /// past the last rank, read but never set).
    private var drawn: [UInt64]
    /// The smallest r·D for which p ≤ α and D > 0.1 (r + 1 when there is none); both only
    /// become truer as D grows, so the test rejects exactly from there on.
    private let criticalGap: Int
    /// Whether the window holds at most 128 values, all in `compact`; the fields above serve
    /// larger ones.
    private let isCompact: Bool
    /// The whole state for windows of at most 128 values (empty for larger ones: not an
    /// optional, whose every use would check which case it holds).
    private var compact: KSWINCompactWindow

    /// Creates the detector with River's defaults unless given.
    public init(alpha: Double = 0.005, windowSize: Int = 100, statSize: Int = 30, seed: UInt64 = 0) {
        precondition(alpha >= 0 && alpha <= 1, "alpha must be in [0, 1]")
        precondition(statSize >= 1 && 2 * statSize <= windowSize, "statSize must be in 1...windowSize / 2")
        self.alpha = alpha
        self.windowSize = windowSize
        self.statSize = statSize
        self.seed = seed
        generator = SeededRandomNumberGenerator(seed: seed)
        criticalGap = Self.criticalGap(alpha: alpha, size: statSize)
        isCompact = windowSize <= KSWINCompactWindow.maximumSize
        if isCompact {
            compact = KSWINCompactWindow(windowSize: windowSize, statSize: statSize)
            ring = []
            sorted = SortedWindow(capacity: 0)
            drawn = []
        } else {
            compact = KSWINCompactWindow()
            ring = [Double](repeating: 0, count: windowSize)
            sorted = SortedWindow(capacity: windowSize)
            drawn = [UInt64](repeating: 0, count: max(2, (windowSize - statSize) / 64 + 1))
        }
    }

    /// Slides the window by `x` and, once it is full, runs the test.
    public mutating func update(_ x: Double) {
        if driftDetected { reset() }
        if isCompact {
            driftDetected = compact.update(x, using: &generator, criticalGap: criticalGap)
            return
        }
        let olderSize = windowSize - statSize
        // NaN would break the ordering; it stands in as +∞ and is counted apart.
        let value = x.isNaN ? Double.infinity : x
        if x.isNaN { nanCount += 1 }
        if count < windowSize {
            ring[count] = x
            sorted.insert(value, recent: count >= olderSize)
            count += 1
            guard count == windowSize else { return }
        } else {
            let leaving = ring[start]
            let moving = ring[(start + olderSize) % windowSize]
            ring[start] = x
            start = start + 1 == windowSize ? 0 : start + 1
            if leaving.isNaN { nanCount -= 1 }
            sorted.age(moving.isNaN ? .infinity : moving)
            sorted.replace(older: leaving.isNaN ? .infinity : leaving, with: value)
        }
        guard nanCount == 0 else { return }
        drawSample()
        driftDetected = largestGap() >= criticalGap
    }

    /// The newest values and the sample drawn for the last test, each sorted, when the window
    /// holds at most 128 values; for tests.
    var lastSamples: (recent: [Double], drawn: [Double])? { isCompact ? compact.lastSamples : nil }

    /// Whether each test completes its sample even when it cannot change the decision, so that
    /// `lastSamples` holds it; for tests.
    var completesSamples: Bool {
        get { compact.completesSamples }
        set { compact.completesSamples = newValue }
    }

    /// Returns to the initial state, restarting the generator from `seed`.
    private mutating func reset() {
        driftDetected = false
        count = 0
        start = 0
        nanCount = 0
        if isCompact { compact.removeAll() } else { sorted.removeAll() }
        generator = SeededRandomNumberGenerator(seed: seed)
    }

    /// Draws r of the n − r ranks among the older values, uniformly without replacement, into
    /// `drawn` (Floyd's algorithm, Bentley & Floyd 1987).
    private mutating func drawSample() {
        let population = windowSize - statSize
        guard population <= 128 else {
            for i in drawn.indices { drawn[i] = 0 }
            for j in (population - statSize)..<population {
                let t = Int.random(in: 0...j, using: &generator)
                let pick = drawn[t >> 6] & (1 << UInt64(t & 63)) == 0 ? t : j
                drawn[pick >> 6] |= 1 << UInt64(pick & 63)
            }
            return
        }
        // The usual case (70 ranks by default) keeps the set in a register: through memory,
        // each draw would wait for the previous one's store.
        var bits: UInt128 = 0
        for j in (population - statSize)..<population {
            let t = Int.random(in: 0...j, using: &generator)
            let pick = bits & (1 << UInt128(t)) == 0 ? t : j
            bits |= 1 << UInt128(pick)
        }
        drawn[0] = UInt64(truncatingIfNeeded: bits)
        drawn[1] = UInt64(truncatingIfNeeded: bits >> 64)
    }

    /// r·D: the largest |i − j| over the sorted window, where i counts the drawn values and j
    /// the newest values ≤ x, taken only where x is followed by a larger value, that is after
    /// all values equal to x (scipy's `searchsorted(side="right")`). The walk ends before the
    /// last value, where both counts are r.
    private func largestGap() -> Int {
        let values = sorted.values
        let isRecent = sorted.isRecent
        var difference = 0
        var olderSeen = 0
        // The largest and smallest differences, kept apart so that no branch depends on a sign.
        var highest = 0
        var lowest = 0
        for k in 0..<(windowSize - 1) {
            let recent = isRecent[k]
            let drawnBit = Int(truncatingIfNeeded: drawn[olderSeen >> 6] >> UInt64(olderSeen & 63)) & 1
            difference &+= drawnBit & (1 &- recent) &- recent
            olderSeen &+= 1 &- recent
            if values[k] != values[k + 1] {
                highest = max(highest, difference)
                lowest = min(lowest, difference)
            }
        }
        return max(highest, -lowest)
    }

    /// The smallest gap h in 1...size for which River's rule p ≤ α and D > 0.1 holds, from the
    /// exact test on two samples of `size` integers shifted by h (whose D is h/size).
    private static func criticalGap(alpha: Double, size: Int) -> Int {
        let reference = SortedSample(sorted: (0..<size).map(Double.init))
        for h in 1...size {
            let current = SortedSample(sorted: (h..<(h + size)).map(Double.init))
            guard let outcome = try? KolmogorovSmirnovTest.test(reference, current), let p = outcome.pValue else {
                continue
            }
            if p <= alpha && outcome.statistic > 0.1 { return h }
        }
        return size + 1
    }
}

extension KSWIN: ConfigurableDriftDetector {
    public static let parameters: [DetectorParameter] = [
        .init("alpha", .real(default: 0.005, domain: .unitInterval), "significance level of the KS test"),
        .init("window_size", .integer(default: 100, minimum: 2), "recent values kept"),
        .init("stat_size", .integer(default: 30, minimum: 1), "size of both compared samples"),
        .init("seed", .seed(default: 0), "seed of the sampling generator"),
    ]

    init(arguments: DetectorArguments) throws(DetectorConfigurationError) {
        let windowSize = arguments.integer("window_size")
        let statSize = arguments.integer("stat_size")
        guard 2 * statSize <= windowSize else {
            throw arguments.isGiven("stat_size")
                ? arguments.invalid("stat_size", expected: "at most half of window_size (\(windowSize))")
                : arguments.invalid("window_size", expected: "at least twice stat_size (\(statSize))")
        }
        self.init(
            alpha: arguments.real("alpha"), windowSize: windowSize, statSize: statSize, seed: arguments.seed("seed"))
    }
}
