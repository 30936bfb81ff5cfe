/// The Page–Hinkley test (Page 1954), as River 0.26's `drift.PageHinkley`.
///
/// With x̄ₜ the running mean including xₜ, α the forgetting factor and δ the tolerated change,
/// Uₜ = α Uₜ₋₁ + (xₜ − x̄ₜ) − δ and Lₜ = α Lₜ₋₁ + (xₜ − x̄ₜ) + δ, from U₀ = L₀ = 0. Once
/// `minInstances` values have been seen, an increase is detected when Uₜ − min U > λ and a
/// decrease when max L − Lₜ > λ, λ the threshold; `mode` chooses which count. As in River, the
/// running maximum of L starts at −1, not at 0.
public struct PageHinkley: DriftDetector {
    /// Which direction of change the test watches.
    public enum Mode: String, Sendable, CaseIterable {
        /// Increases of the mean.
        case up
        /// Decreases of the mean.
        case down
        /// Both directions.
        case both
    }

    public static let name = "page_hinkley"
    public static let hasWarnings = false

    /// The number of values seen before the first test.
    public let minInstances: Int
    /// The tolerated change δ.
    public let delta: Double
    /// The detection threshold λ.
    public let threshold: Double
    /// The forgetting factor α of the cumulative sums.
    public let alpha: Double
    /// The direction watched.
    public let mode: Mode
    public private(set) var driftDetected = false
    public var warningDetected: Bool { false }

    private var mean = RunningMean()
    private var sumIncrease = 0.0
    private var sumDecrease = 0.0
    private var minIncrease = Double.infinity
    private var maxDecrease = -1.0

    /// Creates the detector with River's defaults unless given.
    public init(
        minInstances: Int = 30, delta: Double = 0.005, threshold: Double = 50, alpha: Double = 1 - 0.0001,
        mode: Mode = .both
    ) {
        self.minInstances = minInstances
        self.delta = delta
        self.threshold = threshold
        self.alpha = alpha
        self.mode = mode
    }

    /// Updates the sums with `x` and tests them.
    public mutating func update(_ x: Double) {
        if driftDetected { reset() }
        mean.update(x)
        let deviation = x - mean.mean
        sumIncrease = alpha * sumIncrease + deviation - delta
        sumDecrease = alpha * sumDecrease + deviation + delta
        if sumIncrease < minIncrease { minIncrease = sumIncrease }
        if sumDecrease > maxDecrease { maxDecrease = sumDecrease }
        guard mean.count >= Double(minInstances) else { return }
        let increase = sumIncrease - minIncrease > threshold
        let decrease = maxDecrease - sumDecrease > threshold
        switch mode {
        case .up: driftDetected = increase
        case .down: driftDetected = decrease
        case .both: driftDetected = increase || decrease
        }
    }

    /// Returns to the initial state.
    private mutating func reset() {
        driftDetected = false
        mean = RunningMean()
        sumIncrease = 0
        sumDecrease = 0
        minIncrease = .infinity
        maxDecrease = -1
    }
}

extension PageHinkley: ConfigurableDriftDetector {
    public static let parameters: [DetectorParameter] = [
        .init("min_instances", .integer(default: 30, minimum: 0), "values seen before the first test"),
        .init("delta", .real(default: 0.005, domain: .finite), "tolerated change of the mean"),
        .init("threshold", .real(default: 50, domain: .nonNegative), "detection threshold λ"),
        .init("alpha", .real(default: 1 - 0.0001, domain: .unitInterval), "forgetting factor of the sums"),
        .init("mode", .choice(default: "both", options: Mode.allCases.map(\.rawValue)), "direction watched"),
    ]

    init(arguments: DetectorArguments) {
        self.init(
            minInstances: arguments.integer("min_instances"), delta: arguments.real("delta"),
            threshold: arguments.real("threshold"), alpha: arguments.real("alpha"),
            mode: Mode(rawValue: arguments.choice("mode")) ?? .both)
    }
}
