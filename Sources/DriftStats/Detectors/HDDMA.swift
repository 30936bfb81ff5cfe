import Foundation

/// The Hoeffding Drift Detection Method with the A-test on averages (Frías-Blanco et al.
/// 2015), as River 0.26's `drift.binary.HDDM_A`.
///
/// With Z̄ the mean of all n bits, the detector keeps a cut point X̄ (the prefix of m bits) where
/// X̄ + ε(m) ≤ Z̄ + ε(n) was last reached, ε(k) = √(ln(1/δ_d)/(2k)). The mean has increased at
/// confidence δ when Z̄ − X̄ ≥ √((n − m)/m · (1/n) / 2 · ln(2/δ)): at the drift confidence it is
/// a drift, else at the warning confidence a warning. The two-sided test also watches a cut
/// point Ȳ for decreases, Ȳ − ε(m) ≥ Z̄ − ε(n), and tests Ȳ − Z̄ the same way.
public struct HDDMA: BinaryDriftDetector {
    public static let name = "hddm_a"
    public static let hasWarnings = true

    /// The confidence δ_d of a drift.
    public let driftConfidence: Double
    /// The confidence of a warning.
    public let warningConfidence: Double
    /// Whether decreases of the mean are detected as well as increases.
    public let twoSidedTest: Bool
    public private(set) var driftDetected = false
    public private(set) var warningDetected = false

    private var all = RunningMean()
    private var lowCut = RunningMean()
    private var highCut = RunningMean()
    /// ln(1/δ_d), ln(2/δ_d) and ln(2/δ_w), fixed by the parameters.
    private let boundLog: Double
    private let driftLog: Double
    private let warningLog: Double

    /// Creates the detector with River's defaults unless given.
    public init(driftConfidence: Double = 0.001, warningConfidence: Double = 0.005, twoSidedTest: Bool = false) {
        self.driftConfidence = driftConfidence
        self.warningConfidence = warningConfidence
        self.twoSidedTest = twoSidedTest
        boundLog = log(1.0 / driftConfidence)
        driftLog = log(2.0 / driftConfidence)
        warningLog = log(2.0 / warningConfidence)
    }

    /// Takes the next bit (1 for an error, 0 otherwise).
    public mutating func update(_ x: Double) {
        if driftDetected { reset() }
        all.update(x)
        if lowCut.count == 0 { lowCut = all }
        if highCut.count == 0 { highCut = all }
        let epsilonAll = bound(all.count)
        if lowCut.mean + bound(lowCut.count) >= all.mean + epsilonAll { lowCut = all }
        if highCut.mean - bound(highCut.count) <= all.mean - epsilonAll { highCut = all }
        if hasChanged(since: lowCut, rising: true, driftLog) {
            warningDetected = false
            driftDetected = true
        } else if hasChanged(since: lowCut, rising: true, warningLog) {
            warningDetected = true
            driftDetected = false
        } else {
            warningDetected = false
            driftDetected = false
        }
        guard twoSidedTest else { return }
        if hasChanged(since: highCut, rising: false, driftLog) {
            driftDetected = true
        } else if hasChanged(since: highCut, rising: false, warningLog) {
            warningDetected = true
        }
    }

    /// ε(n) = √(1/(2n) · ln(1/δ_d)).
    private func bound(_ n: Double) -> Double { (1.0 / (2 * n) * boundLog).squareRoot() }

    /// Whether the mean has risen above (or fallen below) the cut's by √(m/2 · ln(2/δ)), with
    /// m = (n − m_cut)/m_cut · (1/n) and `logTerm` = ln(2/δ).
    private func hasChanged(since cut: RunningMean, rising: Bool, _ logTerm: Double) -> Bool {
        guard cut.count != all.count else { return false }
        let m = (all.count - cut.count) / cut.count * (1.0 / all.count)
        let change = rising ? all.mean - cut.mean : cut.mean - all.mean
        return change >= (m / 2 * logTerm).squareRoot()
    }

    /// Returns to the initial state.
    private mutating func reset() {
        driftDetected = false
        warningDetected = false
        all = RunningMean()
        lowCut = RunningMean()
        highCut = RunningMean()
    }
}

extension HDDMA: ConfigurableDriftDetector {
    public static let parameters: [DetectorParameter] = [
        .init("drift_confidence", .real(default: 0.001, domain: .openUnitInterval), "confidence of a drift"),
        .init("warning_confidence", .real(default: 0.005, domain: .openUnitInterval), "confidence of a warning"),
        .init("two_sided_test", .boolean(default: false), "also detect decreases of the error rate"),
    ]

    init(arguments: DetectorArguments) {
        self.init(
            driftConfidence: arguments.real("drift_confidence"),
            warningConfidence: arguments.real("warning_confidence"), twoSidedTest: arguments.boolean("two_sided_test"))
    }
}
