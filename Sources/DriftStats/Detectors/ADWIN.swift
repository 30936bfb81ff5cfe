/// ADaptive WINdowing (Bifet & Gavaldà 2007), as River 0.26's `drift.ADWIN`.
///
/// ADWIN keeps a window W of recent values compressed into exponential-histogram buckets
/// (ADWIN2, at most `maxBuckets` of each size 2ʳ). Every `clock` updates, once W holds more
/// than `gracePeriod` values, it tries every split of W between buckets into an older W₀ and a
/// newer W₁, each of at least `minWindowLength` values, and declares drift when
/// |μ₀ − μ₁| > √(2 (1/m) σ²_W δ') + (2/3) δ' (1/m), with 1/m = 1/(n₀ − L + 1) + 1/(n₁ − L + 1),
/// δ' = ln(2 ln|W| / δ) and σ²_W the window's variance; it then drops the oldest bucket and
/// tests again until no split is significant. See ``AdaptiveWindow`` for the buckets.
public struct ADWIN: DriftDetector {
    public static let name = "adwin"
    public static let hasWarnings = false

    /// The significance δ of the cut test.
    public let delta: Double
    /// How many updates pass between two cut tests.
    public let clock: Int
    /// The most buckets of one size kept before the oldest two merge; at least 2, since with 1
    /// a merge empties its row and River 0.26 panics when a cut later reaches that row.
    public let maxBuckets: Int
    /// The fewest values on each side of a cut for it to be tested.
    public let minWindowLength: Int
    /// The number of values the window must exceed before any test.
    public let gracePeriod: Int
    public private(set) var driftDetected = false
    public var warningDetected: Bool { false }
    private var window: AdaptiveWindow

    /// Creates the detector with River's defaults unless given.
    public init(
        delta: Double = 0.002, clock: Int = 32, maxBuckets: Int = 5, minWindowLength: Int = 5, gracePeriod: Int = 10
    ) {
        precondition(delta > 0 && delta < 1, "delta must be in (0, 1)")
        precondition(clock >= 1 && maxBuckets >= 2 && minWindowLength >= 1 && gracePeriod >= 0)
        self.delta = delta
        self.clock = clock
        self.maxBuckets = maxBuckets
        self.minWindowLength = minWindowLength
        self.gracePeriod = gracePeriod
        window = AdaptiveWindow(
            delta: delta, clock: clock, maxBuckets: maxBuckets, minWindowLength: minWindowLength,
            gracePeriod: gracePeriod)
    }

    /// Adds `x` to the window and tests for a cut when the clock says so.
    public mutating func update(_ x: Double) {
        if driftDetected { window.reset() }
        driftDetected = window.update(x)
    }

    /// The number of values in the window.
    public var width: Int { Int(window.width) }

    /// The mean of the window (0 when it is empty).
    public var estimation: Double { window.width == 0 ? 0 : window.total / window.width }
}

extension ADWIN: ConfigurableDriftDetector {
    public static let parameters: [DetectorParameter] = [
        .init("delta", .real(default: 0.002, domain: .openUnitInterval), "significance of the cut test"),
        .init("clock", .integer(default: 32, minimum: 1), "updates between two cut tests"),
        .init("max_buckets", .integer(default: 5, minimum: 2), "buckets of one size kept before merging"),
        .init("min_window_length", .integer(default: 5, minimum: 1), "fewest values on each side of a cut"),
        .init("grace_period", .integer(default: 10, minimum: 0), "values seen before the first test"),
    ]

    init(arguments: DetectorArguments) {
        self.init(
            delta: arguments.real("delta"), clock: arguments.integer("clock"),
            maxBuckets: arguments.integer("max_buckets"), minWindowLength: arguments.integer("min_window_length"),
            gracePeriod: arguments.integer("grace_period"))
    }
}
