import DriftStats
import Foundation

/// Drift of one numeric feature between its reference values and a window's
/// ``FeatureProfile`` (a quantile sketch and moments rather than the values), so that the cost
/// of a window does not grow with its number of events.
///
/// | method | from the profile | accuracy |
/// |---|---|---|
/// | `ks` | D = sup \|F_ref − F̂\| over the KLL CDF; p = `kstwo.sf(D, round(n₁n₂/(n₁+n₂)))` | D within the sketch's rank error (~1.3 %) |
/// | `wasserstein`, `wasserstein_normed` | ∫ \|F_ref − F̂\| dx (``SketchDistances``) | within ε·range |
/// | `t_test` | Welch's t from the moments | exact |
/// | `psi`, `kl_div`, `jensenshannon`, `hellinger` | the reference's deciles as bins, current shares from the CDF | shares within ε |
///
/// Other numeric methods need the raw values; they are reported undefined with that reason.
enum SketchedDrift {
    static func evaluate(
        name: String, reference values: SortedSample, current: FeatureProfile, options: DriftReportOptions
    ) -> FeatureDrift {
        let evaluator = options.evaluator
        let reference = Reference(values)
        var results = options.methods.filter(\.acceptsNumeric).map { method in
            MethodResult(
                result: result(method, reference, current, evaluator), adjustedPValue: nil, automatic: false)
        }
        if results.isEmpty {
            let method = MethodSelection.numeric(
                referenceCount: values.count, distinctValues: values.distinctCount)
            let result =
                method.acceptsNumeric
                ? result(method, reference, current, evaluator)
                : evaluator.evaluate(method, reference.categoryCounts(current))
            results = [MethodResult(result: result, adjustedPValue: nil, automatic: true)]
        }
        return FeatureDrift(
            name: name, kind: .numeric, missingReference: values.missing, missingCurrent: current.missing,
            drift: false, results: results)
    }

    /// The reference values with the sketches the methods compare against.
    private struct Reference {
        var sample: SortedSample
        var sketch: KLLSketch
        var moments: MomentsSketch

        init(_ sample: SortedSample) {
            self.sample = sample
            // k as large as the sample (up to the format's limit) keeps the reference exact.
            sketch = KLLSketch(k: min(65_535, max(FeatureProfile.quantileK, sample.count)))
            sketch.add(contentsOf: sample.values)
            moments = MomentsSketch()
            moments.add(contentsOf: sample.values)
        }

        /// Each distinct reference value as a category; the window's mass at each value is read
        /// from its CDF between the midpoints to the neighbouring values.
        func categoryCounts(_ current: FeatureProfile) -> CategoryCounts {
            var distinct: [Double] = []
            var referenceCounts: [Int] = []
            for value in sample.values {
                if value == distinct.last {
                    referenceCounts[referenceCounts.count - 1] += 1
                } else {
                    distinct.append(value)
                    referenceCounts.append(1)
                }
            }
            let n = current.quantiles.count
            var referenceByLabel: [String: Int] = [:]
            var currentByLabel: [String: Int] = [:]
            var below = 0.0
            for (i, value) in distinct.enumerated() {
                let upper = i + 1 < distinct.count ? current.quantiles.rank((value + distinct[i + 1]) / 2) : 1
                let label = FeatureValue.label(value)
                referenceByLabel[label] = referenceCounts[i]
                currentByLabel[label] = Int((Double(n) * (upper - below)).rounded())
                below = upper
            }
            return CategoryCounts(
                reference: referenceByLabel, current: currentByLabel, missingReference: sample.missing,
                missingCurrent: current.missing)
        }
    }

    private static func result(
        _ method: DriftMethod, _ reference: Reference, _ current: FeatureProfile, _ evaluator: DriftEvaluator
    ) -> DriftTestResult {
        let threshold = evaluator.threshold(method, reference: reference.sample)
        do throws(UndefinedStatistic) {
            guard reference.sample.count > 0 else { throw UndefinedStatistic("the reference has no values") }
            guard current.quantiles.count > 0 else { throw UndefinedStatistic("the current window has no values") }
            let outcome = try outcome(method, reference, current)
            return DriftTestResult(method: method, outcome: outcome, threshold: threshold)
        } catch {
            return DriftTestResult(method: method, undefined: error.reason, threshold: threshold)
        }
    }

    private static func outcome(_ method: DriftMethod, _ reference: Reference, _ current: FeatureProfile)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        switch method {
        case .ks:
            let d = try SketchDistances.kolmogorovSmirnov(reference.sketch, current.quantiles).statistic
            let n1 = Double(reference.sample.count)
            let n2 = Double(current.quantiles.count)
            let effective = Int((n1 * n2 / (n1 + n2)).rounded(.toNearestOrEven))
            return DriftOutcome(
                statistic: d, pValue: min(max(KolmogorovDistribution.sf(d, n: max(effective, 1)), 0), 1))
        case .wasserstein: return try SketchDistances.wasserstein(reference.sketch, current.quantiles)
        case .wassersteinNormed:
            return try SketchDistances.wassersteinNormed(
                reference.sketch, current.quantiles, referenceMoments: reference.moments)
        case .tTest: return try welch(reference.moments, current.moments)
        case .psi: return DriftOutcome(statistic: PopulationStabilityIndex.value(try bins(reference, current)))
        case .klDiv: return DriftOutcome(statistic: KullbackLeiblerDivergence.value(try bins(reference, current)))
        case .jensenShannon: return DriftOutcome(statistic: JensenShannonDistance.value(try bins(reference, current)))
        case .hellinger:
            let bins = try bins(reference, current)
            var coefficient = 0.0
            for (p, q) in zip(bins.reference, bins.current) { coefficient += (p * q).squareRoot() }
            return DriftOutcome(statistic: (1 - min(max(coefficient, 0), 1)).squareRoot())
        default:
            throw UndefinedStatistic(
                "\(method.rawValue) needs the raw values; ask with source=events for a window of raw events")
        }
    }

    /// Welch's t-test from the two samples' moments (ddof = 1 variances), as `scipy.stats.ttest_ind(equal_var=False)`.
    private static func welch(_ reference: MomentsSketch, _ current: MomentsSketch) throws(UndefinedStatistic)
        -> DriftOutcome
    {
        guard reference.count > 1, current.count > 1 else {
            throw UndefinedStatistic("needs at least 2 values in each sample")
        }
        let n1 = Double(reference.count)
        let n2 = Double(current.count)
        let v1 = reference.variance(ddof: 1) / n1
        let v2 = current.variance(ddof: 1) / n2
        let t = (reference.mean - current.mean) / (v1 + v2).squareRoot()
        guard t.isFinite else {
            throw UndefinedStatistic(v1 + v2 == 0 ? "both samples have zero variance" : "the statistic is not finite")
        }
        let df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
        return DriftOutcome(
            statistic: t, pValue: StudentTDistribution(degreesOfFreedom: df.isNaN ? 1 : df).twoSidedPValue(t))
    }

    /// Bins for the binned methods: one per distinct reference value when the reference has
    /// at most 20, else the reference's deciles (``referenceEdges(_:)``), the outer bins open
    /// so that values beyond the reference's range count in them. Equal-mass bins keep every
    /// bin's share within the sketch's rank error of the exact share; equal-width bins over
    /// both samples (Evidently's, used with `source=events`) put tail bins with tiny shares
    /// where that error would dominate PSI.
    private static func bins(_ reference: Reference, _ current: FeatureProfile) throws(UndefinedStatistic)
        -> BinnedProportions
    {
        guard reference.sample.distinctCount > 20 else {
            return try BinnedProportions(reference.categoryCounts(current))
        }
        let edges = referenceEdges(reference.sample)
        let sketch = current.quantiles
        var referenceShares: [Double] = []
        var currentShares: [Double] = []
        var referenceBelow = 0.0
        var currentBelow = 0.0
        for (i, edge) in edges.enumerated() {
            // Bins are (eᵢ₋₁, eᵢ], the last one open above.
            // The reference's sketch is exact up to 65,535 values.
            let referenceUpTo = i == edges.count - 1 ? 1 : reference.sketch.rank(edge)
            let currentUpTo = i == edges.count - 1 ? 1 : sketch.rank(edge)
            referenceShares.append(referenceUpTo - referenceBelow)
            currentShares.append(max(currentUpTo - currentBelow, 0))
            referenceBelow = referenceUpTo
            currentBelow = max(currentUpTo, currentBelow)
        }
        return BinnedProportions(reference: referenceShares, current: currentShares)
    }

    /// The distinct inner deciles of the reference (numpy's linear quantiles at 0.1 … 0.9),
    /// then +∞: the upper edges of the bins (−∞, e₁], (e₁, e₂], …, (e₉, +∞).
    static func referenceEdges(_ sample: SortedSample) -> [Double] {
        var edges: [Double] = []
        for tenth in 1...9 {
            let edge = DataQuality.quantile(sample.values, Double(tenth) / 10)
            if edge != edges.last { edges.append(edge) }
        }
        return edges + [.infinity]
    }
}
