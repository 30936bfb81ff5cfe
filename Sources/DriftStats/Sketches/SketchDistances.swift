import Foundation

/// Drift distances estimated from sketches, so that a window of any size is compared with a
/// reference at a cost that does not grow with either.
///
/// Binned distances read two ``FixedEdgeHistogram``s over the same edges, through the
/// histogram initializer of ``BinnedProportions`` and Evidently's formulas in ``PopulationStabilityIndex``, ``KullbackLeiblerDivergence``,
/// ``JensenShannonDistance`` and ``HellingerDistance``. Histogram counts are exact, so these
/// equal the exact methods on the same bins up to rounding: there is no sketching error, only
/// the choice of edges (fixed in advance, rather than Sturges bins over both samples).
///
/// ECDF distances read two ``KLLSketch``es, whose estimated CDFs F̂ are step functions with
/// sup |F̂ − F| ≤ ε = ``KLLSketch/normalizedRankError`` (each with probability 99 %, 0 when
/// the sketch is exact). By the triangle inequality the Kolmogorov–Smirnov distance is off by
/// at most ε₁ + ε₂, and W₁ by at most ε₁(max₁ − min₁) + ε₂(max₂ − min₂), since ∫|F̂ − F| dx
/// runs over [min, max] only; ``kolmogorovSmirnovErrorBound(_:_:)`` and
/// ``wassersteinErrorBound(_:_:)`` return these bounds.
public enum SketchDistances {
    /// PSI on the bins of two histograms, as ``PopulationStabilityIndex/value(_:)``.
    public static func populationStabilityIndex(_ reference: FixedEdgeHistogram, _ current: FixedEdgeHistogram)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        DriftOutcome(statistic: PopulationStabilityIndex.value(try BinnedProportions(reference, current)))
    }

    /// KL(reference ‖ current) on the bins of two histograms, as ``KullbackLeiblerDivergence/value(_:)``.
    public static func kullbackLeibler(_ reference: FixedEdgeHistogram, _ current: FixedEdgeHistogram)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        DriftOutcome(statistic: KullbackLeiblerDivergence.value(try BinnedProportions(reference, current)))
    }

    /// Jensen–Shannon distance on the bins of two histograms, as ``JensenShannonDistance/value(_:)``.
    public static func jensenShannon(_ reference: FixedEdgeHistogram, _ current: FixedEdgeHistogram)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        DriftOutcome(statistic: JensenShannonDistance.value(try BinnedProportions(reference, current)))
    }

    /// Hellinger distance √(1 − Σ √(pᵢ qᵢ)) on the bins of two histograms, the sum clipped to
    /// [0, 1] as in ``HellingerDistance``; its density form Σ √(h₁ h₂)·width is this same sum.
    public static func hellinger(_ reference: FixedEdgeHistogram, _ current: FixedEdgeHistogram)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        let bins = try BinnedProportions(reference, current)
        var coefficient = 0.0
        for (p, q) in zip(bins.reference, bins.current) { coefficient += (p * q).squareRoot() }
        return DriftOutcome(statistic: (1 - min(max(coefficient, 0), 1)).squareRoot())
    }

    /// D = sup |F̂₁ − F̂₂|, evaluated at every retained item of either sketch, where both step
    /// functions jump; within ``kolmogorovSmirnovErrorBound(_:_:)`` of the exact D.
    public static func kolmogorovSmirnov(_ reference: KLLSketch, _ current: KLLSketch)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        guard !reference.isEmpty, !current.isEmpty else { throw UndefinedStatistic("a sample has no values") }
        let a = reference.sortedView()
        let b = current.sortedView()
        let n1 = Double(reference.count)
        let n2 = Double(current.count)
        var i = 0
        var j = 0
        var largest = 0.0
        while i < a.values.count || j < b.values.count {
            let x = min(i < a.values.count ? a.values[i] : .infinity, j < b.values.count ? b.values[j] : .infinity)
            while i < a.values.count && a.values[i] <= x { i += 1 }
            while j < b.values.count && b.values[j] <= x { j += 1 }
            let f1 = i == 0 ? 0 : Double(a.cumulativeWeights[i - 1]) / n1
            let f2 = j == 0 ? 0 : Double(b.cumulativeWeights[j - 1]) / n2
            largest = max(largest, abs(f1 - f2))
        }
        return DriftOutcome(statistic: largest)
    }

    /// ε₁ + ε₂: with probability at least 98 %, |D̂ − D| is at most this.
    public static func kolmogorovSmirnovErrorBound(_ reference: KLLSketch, _ current: KLLSketch) -> Double {
        reference.normalizedRankError + current.normalizedRankError
    }

    /// W₁ = ∫₀¹ |Q̂₁(q) − Q̂₂(q)| dq over the sketches' quantile functions, in the data's units.
    ///
    /// Both quantile functions are steps that change only where one sketch's cumulative share
    /// does, so the integral is summed exactly on that grid; it equals ∫ |F̂₁ − F̂₂| dx.
    /// Within ``wassersteinErrorBound(_:_:)`` of `scipy.stats.wasserstein_distance`.
    public static func wasserstein(_ reference: KLLSketch, _ current: KLLSketch)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        guard !reference.isEmpty, !current.isEmpty else { throw UndefinedStatistic("a sample has no values") }
        let a = reference.sortedView()
        let b = current.sortedView()
        let n1 = Double(reference.count)
        let n2 = Double(current.count)
        var i = 0
        var j = 0
        var q = 0.0
        var sum = 0.0
        while i < a.values.count && j < b.values.count {
            let shareA = Double(a.cumulativeWeights[i]) / n1
            let shareB = Double(b.cumulativeWeights[j]) / n2
            let next = min(shareA, shareB)
            sum += abs(a.values[i] - b.values[j]) * (next - q)
            q = next
            if shareA <= shareB { i += 1 }
            if shareB <= shareA { j += 1 }
        }
        return DriftOutcome(statistic: sum)
    }

    /// ε₁(max₁ − min₁) + ε₂(max₂ − min₂): with probability at least 98 %, |Ŵ₁ − W₁| is at most this.
    public static func wassersteinErrorBound(_ reference: KLLSketch, _ current: KLLSketch) -> Double {
        reference.normalizedRankError * (reference.maximum - reference.minimum)
            + current.normalizedRankError * (current.maximum - current.minimum)
    }

    /// W₁ / max(std(reference), 0.001), Evidently's `wasserstein` as
    /// ``WassersteinDistance/normed(_:_:)``, with the standard deviation (ddof = 0) from the
    /// reference's moments; the error bound scales by the same divisor.
    public static func wassersteinNormed(_ reference: KLLSketch, _ current: KLLSketch, referenceMoments: MomentsSketch)
        throws(UndefinedStatistic) -> DriftOutcome
    {
        let raw = try wasserstein(reference, current).statistic
        return DriftOutcome(statistic: raw / max(referenceMoments.variance(ddof: 0).squareRoot(), 0.001))
    }
}
