/// Runs drift methods on a pair of samples and turns their outcomes into verdicts.
///
/// The single place that maps a ``DriftMethod`` name to its implementation, so that the
/// server, the command line and the tests all evaluate a method the same way. Methods that
/// do not apply to the data, or whose statistic is undefined for it, give an undefined
/// ``DriftTestResult`` with the reason rather than an error.
public struct DriftEvaluator: Sendable {
    /// Thresholds that replace a method's default.
    public var thresholds: [DriftMethod: Double]
    /// Tuning of the MMD permutation test.
    public var mmdOptions: MaximumMeanDiscrepancy.Options

    /// Creates an evaluator with threshold overrides.
    public init(thresholds: [DriftMethod: Double] = [:], mmdOptions: MaximumMeanDiscrepancy.Options = .init()) {
        self.thresholds = thresholds
        self.mmdOptions = mmdOptions
    }

    /// The threshold a method uses on a numeric reference sample.
    ///
    /// `wasserstein` is in the data's units, so its default is 0.1 reference standard
    /// deviations (the decision of `wasserstein_normed` at its default).
    public func threshold(_ method: DriftMethod, reference: SortedSample? = nil) -> Double {
        if let explicit = thresholds[method] { return explicit }
        if method == .wasserstein, let reference {
            return method.defaultThreshold * WassersteinDistance.normalizer(reference)
        }
        return method.defaultThreshold
    }

    /// Evaluates `method` on two numeric samples.
    public func evaluate(_ method: DriftMethod, _ reference: SortedSample, _ current: SortedSample) -> DriftTestResult {
        let threshold = threshold(method, reference: reference)
        guard method.acceptsNumeric else {
            return DriftTestResult(
                method: method, undefined: "\(method.rawValue) applies to categorical columns", threshold: threshold)
        }
        do {
            let outcome = try numericOutcome(method, reference, current)
            return DriftTestResult(method: method, outcome: outcome, threshold: threshold)
        } catch {
            return DriftTestResult(method: method, undefined: error.reason, threshold: threshold)
        }
    }

    /// Evaluates `method` on two categorical samples.
    public func evaluate(_ method: DriftMethod, _ counts: CategoryCounts) -> DriftTestResult {
        let threshold = threshold(method)
        guard method.acceptsCategorical else {
            return DriftTestResult(
                method: method, undefined: "\(method.rawValue) applies to numeric columns", threshold: threshold)
        }
        do {
            let outcome = try categoricalOutcome(method, counts)
            return DriftTestResult(method: method, outcome: outcome, threshold: threshold)
        } catch {
            return DriftTestResult(method: method, undefined: error.reason, threshold: threshold)
        }
    }

    private func numericOutcome(_ method: DriftMethod, _ reference: SortedSample, _ current: SortedSample)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        guard reference.count > 0 else { throw UndefinedStatistic("the reference has no values") }
        guard current.count > 0 else { throw UndefinedStatistic("the current sample has no values") }
        switch method {
        case .ks: return try KolmogorovSmirnovTest.test(reference, current)
        case .anderson: return try AndersonDarlingTest.test(reference, current)
        case .cramerVonMises: return try CramerVonMisesTest.test(reference, current)
        case .mannWhitney: return try MannWhitneyUTest.test(reference, current)
        case .tTest: return try WelchTTest.test(reference, current)
        case .eppsSingleton: return try EppsSingletonTest.test(reference, current)
        case .kuiper: return try KuiperTest.test(reference, current)
        case .wasserstein: return try WassersteinDistance.distance(reference, current)
        case .wassersteinNormed: return try WassersteinDistance.normed(reference, current)
        case .energyDistance: return try EnergyDistance.distance(reference, current)
        case .mmd: return try MaximumMeanDiscrepancy.test(reference, current, options: mmdOptions)
        case .psi: return try PopulationStabilityIndex.distance(reference, current)
        case .klDiv: return try KullbackLeiblerDivergence.divergence(reference, current)
        case .jensenShannon: return try JensenShannonDistance.distance(reference, current)
        case .hellinger: return try HellingerDistance.distance(reference, current)
        case .chiSquare, .gTest, .z, .fisherExact, .tvd, .linf, .cramersV:
            throw UndefinedStatistic("\(method.rawValue) applies to categorical columns")
        }
    }

    private func categoricalOutcome(_ method: DriftMethod, _ counts: CategoryCounts) throws(UndefinedStatistic)
        -> DriftOutcome
    {
        // Each method decides for itself what an empty sample means (Evidently's Hellinger
        // distance is 1 against one), so no shared guard stands in front of them.
        switch method {
        case .chiSquare: return try ChiSquareTest.test(counts)
        case .gTest: return try ChiSquareTest.test(counts, statistic: .logLikelihood)
        case .z: return try TwoProportionZTest.test(counts)
        case .fisherExact: return try FisherExactTest.test(counts)
        case .tvd: return try CategoricalDistances.totalVariation(counts)
        case .linf: return try CategoricalDistances.lInfinity(counts)
        case .cramersV: return try CategoricalDistances.cramersV(counts)
        case .psi: return try PopulationStabilityIndex.distance(counts)
        case .klDiv: return try KullbackLeiblerDivergence.divergence(counts)
        case .jensenShannon: return try JensenShannonDistance.distance(counts)
        case .hellinger: return try HellingerDistance.distance(counts)
        default: throw UndefinedStatistic("\(method.rawValue) applies to numeric columns")
        }
    }
}
