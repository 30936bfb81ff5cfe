import Foundation

/// The Hoeffding Drift Detection Method with the W-test on weighted averages (Frías-Blanco et
/// al. 2015), as River 0.26's `drift.binary.HDDM_W`.
///
/// Every statistic is an exponentially weighted mean with weight λ on the newest bit, carried
/// with its independent-bound term c, cₖ = λ² + (1 − λ)² cₖ₋₁ from c₀ = 1. The detector keeps a
/// cut point where the total's EWMA + ε(c) reached its minimum, ε(c) = √(c · ln(1/δ_d) / 2), and
/// an EWMA of the bits since. The mean has increased at confidence δ when the later EWMA exceeds
/// the cut's by more than √((c₁ + c₂) · ln(1/δ) / 2): at the drift confidence it is a drift,
/// else at the warning confidence a warning. The two-sided test mirrors this for decreases.
public struct HDDMW: BinaryDriftDetector {
    /// River's `SampleInfo`: an EWMA and its bound term.
    private struct Sample {
        let lambda: Double
        /// λ² and (1 − λ)², the latter as River's `** 2`.
        let lambdaSquared: Double
        let complementSquared: Double
        var mean = 0.0
        var isInitialized = false
        var boundTerm = 1.0

        /// An empty sample.
        init(lambda: Double) {
            self.lambda = lambda
            lambdaSquared = lambda * lambda
            complementSquared = pow(1 - lambda, 2)
        }

        /// Adds a bit: the first one is the mean, then m = λx + (1 − λ)m.
        mutating func update(_ x: Double) {
            mean = isInitialized ? lambda * x + (1.0 - lambda) * mean : x
            isInitialized = true
            boundTerm = lambdaSquared + complementSquared * boundTerm
        }
    }

    public static let name = "hddm_w"
    public static let hasWarnings = true

    /// The confidence δ_d of a drift.
    public let driftConfidence: Double
    /// The confidence of a warning.
    public let warningConfidence: Double
    /// The weight λ of the newest bit.
    public let lambda: Double
    /// Whether decreases of the mean are detected as well as increases.
    public let twoSidedTest: Bool
    public private(set) var driftDetected = false
    public private(set) var warningDetected = false

    /// A sample with no bits, copied wherever River makes a new `SampleInfo`.
    private let empty: Sample
    private var total: Sample
    private var beforeIncrease: Sample
    private var sinceIncrease: Sample
    private var beforeDecrease: Sample
    private var sinceDecrease: Sample
    private var increaseCut = Double.infinity
    private var decreaseCut = -Double.infinity
    /// ln(1/δ_d) and ln(1/δ_w).
    private let driftLog: Double
    private let warningLog: Double

    /// Creates the detector with River's defaults unless given.
    public init(
        driftConfidence: Double = 0.001, warningConfidence: Double = 0.005, lambda: Double = 0.05,
        twoSidedTest: Bool = false
    ) {
        self.driftConfidence = driftConfidence
        self.warningConfidence = warningConfidence
        self.lambda = lambda
        self.twoSidedTest = twoSidedTest
        empty = Sample(lambda: lambda)
        (total, beforeIncrease, sinceIncrease, beforeDecrease, sinceDecrease) = (empty, empty, empty, empty, empty)
        driftLog = log(1 / driftConfidence)
        warningLog = log(1 / warningConfidence)
    }

    /// Takes the next bit (1 for an error, 0 otherwise).
    public mutating func update(_ x: Double) {
        if driftDetected { reset() }
        total.update(x)
        let epsilon = bound(total.boundTerm, driftLog)
        if total.mean + epsilon < increaseCut {
            increaseCut = total.mean + epsilon
            beforeIncrease = total
            sinceIncrease = empty
        } else {
            sinceIncrease.update(x)
        }
        if hasRisen(from: beforeIncrease, to: sinceIncrease, driftLog) {
            warningDetected = false
            driftDetected = true
        } else if hasRisen(from: beforeIncrease, to: sinceIncrease, warningLog) {
            warningDetected = true
            driftDetected = false
        } else {
            warningDetected = false
            driftDetected = false
        }
        if total.mean - epsilon > decreaseCut {
            decreaseCut = total.mean - epsilon
            beforeDecrease = total
            sinceDecrease = empty
        } else {
            sinceDecrease.update(x)
        }
        guard twoSidedTest else { return }
        if hasRisen(from: sinceDecrease, to: beforeDecrease, driftLog) {
            driftDetected = true
        } else if hasRisen(from: sinceDecrease, to: beforeDecrease, warningLog) {
            warningDetected = true
        }
    }

    /// McDiarmid's bound √(c · ln(1/δ) / 2), with `logTerm` = ln(1/δ).
    private func bound(_ c: Double, _ logTerm: Double) -> Double { (c * logTerm / 2).squareRoot() }

    /// Whether both samples have bits and `later`'s EWMA exceeds `earlier`'s by more than the
    /// bound on their summed terms.
    private func hasRisen(from earlier: Sample, to later: Sample, _ logTerm: Double) -> Bool {
        guard earlier.isInitialized && later.isInitialized else { return false }
        return later.mean - earlier.mean > bound(earlier.boundTerm + later.boundTerm, logTerm)
    }

    /// Returns to the initial state.
    private mutating func reset() {
        driftDetected = false
        warningDetected = false
        (total, beforeIncrease, sinceIncrease, beforeDecrease, sinceDecrease) = (empty, empty, empty, empty, empty)
        increaseCut = .infinity
        decreaseCut = -.infinity
    }
}

extension HDDMW: ConfigurableDriftDetector {
    public static let parameters: [DetectorParameter] = [
        .init("drift_confidence", .real(default: 0.001, domain: .openUnitInterval), "confidence of a drift"),
        .init("warning_confidence", .real(default: 0.005, domain: .openUnitInterval), "confidence of a warning"),
        .init("lambda_val", .real(default: 0.05, domain: .unitInterval), "weight of the newest bit"),
        .init("two_sided_test", .boolean(default: false), "also detect decreases of the error rate"),
    ]

    init(arguments: DetectorArguments) {
        self.init(
            driftConfidence: arguments.real("drift_confidence"),
            warningConfidence: arguments.real("warning_confidence"), lambda: arguments.real("lambda_val"),
            twoSidedTest: arguments.boolean("two_sided_test"))
    }
}
