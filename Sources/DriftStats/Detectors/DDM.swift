/// The Drift Detection Method (Gama et al. 2004), as River 0.26's `drift.binary.DDM`.
///
/// With pᵢ the error rate after i bits and sᵢ = √(pᵢ(1 − pᵢ)/i), once i > `warmStart` the
/// detector records p_min and s_min whenever pᵢ + sᵢ ≤ p_min + s_min, warns while
/// pᵢ + sᵢ > p_min + w·s_min and detects drift when pᵢ + sᵢ > p_min + d·s_min (w and d the
/// warning and drift thresholds); a drift clears the warning.
public struct DDM: BinaryDriftDetector {
    public static let name = "ddm"
    public static let hasWarnings = true

    /// The number of bits seen before the first test.
    public let warmStart: Int
    /// The warning level w, in standard deviations.
    public let warningThreshold: Double
    /// The drift level d, in standard deviations.
    public let driftThreshold: Double
    public private(set) var driftDetected = false
    public private(set) var warningDetected = false

    private var errorRate = RunningMean()
    private var pMin = Double.nan
    private var sMin = Double.nan
    private var psMin = Double.infinity

    /// Creates the detector with River's defaults unless given.
    public init(warmStart: Int = 30, warningThreshold: Double = 2, driftThreshold: Double = 3) {
        self.warmStart = warmStart
        self.warningThreshold = warningThreshold
        self.driftThreshold = driftThreshold
    }

    /// Takes the next bit (1 for an error, 0 otherwise).
    public mutating func update(_ x: Double) {
        if driftDetected { reset() }
        errorRate.update(x)
        let p = errorRate.mean
        let n = errorRate.count
        let s = (p * (1 - p) / n).squareRoot()
        guard n > Double(warmStart) else { return }
        if p + s <= psMin {
            pMin = p
            sMin = s
            psMin = pMin + sMin
        }
        warningDetected = p + s > pMin + warningThreshold * sMin
        if p + s > pMin + driftThreshold * sMin {
            driftDetected = true
            warningDetected = false
        }
    }

    /// Returns to the initial state.
    private mutating func reset() {
        driftDetected = false
        warningDetected = false
        errorRate = RunningMean()
        pMin = .nan
        sMin = .nan
        psMin = .infinity
    }
}

extension DDM: ConfigurableDriftDetector {
    public static let parameters: [DetectorParameter] = [
        .init("warm_start", .integer(default: 30, minimum: 0), "bits seen before the first test"),
        .init("warning_threshold", .real(default: 2, domain: .nonNegative), "warning level in standard deviations"),
        .init("drift_threshold", .real(default: 3, domain: .nonNegative), "drift level in standard deviations"),
    ]

    init(arguments: DetectorArguments) {
        self.init(
            warmStart: arguments.integer("warm_start"), warningThreshold: arguments.real("warning_threshold"),
            driftThreshold: arguments.real("drift_threshold"))
    }
}
