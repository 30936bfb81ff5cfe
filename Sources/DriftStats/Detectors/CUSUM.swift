/// The two-sided tabular CUSUM (Page 1954; Montgomery, *Introduction to Statistical Quality
/// Control*, §9.1), on input standardized by a known σ.
///
/// With zₜ = (xₜ − μ₀)/σ, reference value k and decision interval h (both in units of σ),
/// S⁺ₜ = max(0, S⁺ₜ₋₁ + zₜ − k) and S⁻ₜ = max(0, S⁻ₜ₋₁ − zₜ − k) from S⁺₀ = S⁻₀ = 0, evaluated
/// left to right in that order, and drift is detected when S⁺ₜ > h or S⁻ₜ > h. When μ₀ is not
/// given, the first `warmUp` values only estimate it, as their sum added in order divided by
/// `warmUp`, and monitoring starts with the next value. DriftWatch's own detector (River has
/// none), it resets after a drift like River's: the sums return to 0 and an estimated μ₀ is
/// estimated again from a new warm-up.
public struct CUSUM: DriftDetector {
    public static let name = "cusum"
    public static let hasWarnings = false

    /// The reference value k, the shift (in σ) the chart is tuned to, halved.
    public let k: Double
    /// The decision interval h, in σ.
    public let h: Double
    /// The in-control mean μ₀, or nil to estimate it from a warm-up.
    public let mu0: Double?
    /// The in-control standard deviation σ.
    public let sigma: Double
    /// The number of values that estimate μ₀ when it is not given.
    public let warmUp: Int
    public private(set) var driftDetected = false
    public var warningDetected: Bool { false }

    private var target: Double
    private var warmUpSum = 0.0
    private var warmUpCount = 0
    private var upper = 0.0
    private var lower = 0.0

    /// Creates a chart with k = 0.5 and h = 5 (the textbook pair for detecting a 1σ shift) on
    /// standardized input unless given, estimating μ₀ from 30 values when it is nil.
    public init(k: Double = 0.5, h: Double = 5, mu0: Double? = nil, sigma: Double = 1, warmUp: Int = 30) {
        precondition(k >= 0 && h > 0 && sigma > 0 && warmUp >= 1, "k ≥ 0, h > 0, σ > 0 and warmUp ≥ 1")
        self.k = k
        self.h = h
        self.mu0 = mu0
        self.sigma = sigma
        self.warmUp = warmUp
        target = mu0 ?? 0
    }

    /// Takes the next value: part of the warm-up, or one step of both sums.
    public mutating func update(_ x: Double) {
        if driftDetected { reset() }
        if mu0 == nil && warmUpCount < warmUp {
            warmUpSum += x
            warmUpCount += 1
            if warmUpCount == warmUp { target = warmUpSum / Double(warmUp) }
            return
        }
        let z = (x - target) / sigma
        upper = max(0, upper + z - k)
        lower = max(0, lower - z - k)
        driftDetected = upper > h || lower > h
    }

    /// Returns to the initial state.
    private mutating func reset() {
        driftDetected = false
        target = mu0 ?? 0
        warmUpSum = 0
        warmUpCount = 0
        upper = 0
        lower = 0
    }
}

extension CUSUM: ConfigurableDriftDetector {
    public static let parameters: [DetectorParameter] = [
        .init("k", .real(default: 0.5, domain: .nonNegative), "reference value, in σ"),
        .init("h", .real(default: 5, domain: .positive), "decision interval, in σ"),
        .init("mu0", .optionalReal, "in-control mean; none estimates it from the warm-up"),
        .init("sigma", .real(default: 1, domain: .positive), "in-control standard deviation"),
        .init("warm_up", .integer(default: 30, minimum: 1), "values that estimate mu0 when it is none"),
    ]

    init(arguments: DetectorArguments) {
        self.init(
            k: arguments.real("k"), h: arguments.real("h"), mu0: arguments.optionalReal("mu0"),
            sigma: arguments.real("sigma"), warmUp: arguments.integer("warm_up"))
    }
}
