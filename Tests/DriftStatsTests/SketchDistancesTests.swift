import DriftStats
import Foundation
import Testing

@Suite struct SketchDistancesTests {
    /// D = sup |F₁ − F₂| over two sorted samples, as `KolmogorovSmirnovTest` computes it.
    static func exactKolmogorovSmirnov(_ a: [Double], _ b: [Double]) -> Double {
        var i = 0
        var j = 0
        var largest = 0.0
        while i < a.count || j < b.count {
            let x = min(i < a.count ? a[i] : .infinity, j < b.count ? b[j] : .infinity)
            while i < a.count && a[i] <= x { i += 1 }
            while j < b.count && b[j] <= x { j += 1 }
            largest = max(largest, abs(Double(i) / Double(a.count) - Double(j) / Double(b.count)))
        }
        return largest
    }

    static func normal(_ count: Int, mean: Double, sd: Double, seed: UInt64) -> [Double] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return (0..<count).map { _ in
            let u = Double.random(in: .leastNonzeroMagnitude..<1, using: &generator)
            let v = Double.random(in: 0..<1, using: &generator)
            return mean + sd * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
    }

    @Test(arguments: [(0.0, 1.0), (0.05, 1.0), (0.5, 1.5)])
    func kllDistancesAreWithinTheirBoundsOfTheExactOnes(shift: Double, scale: Double) throws {
        let reference = SortedSample(Self.normal(SketchKLLTests.largeCount, mean: 0, sd: 1, seed: 1))
        let current = SortedSample(Self.normal(SketchKLLTests.largeCount / 2, mean: shift, sd: scale, seed: 2))
        var a = KLLSketch(seed: 1)
        a.add(contentsOf: reference.values)
        var b = KLLSketch(seed: 2)
        b.add(contentsOf: current.values)
        var moments = MomentsSketch()
        moments.add(contentsOf: reference.values)

        let ks = try SketchDistances.kolmogorovSmirnov(a, b).statistic
        let ksBound = SketchDistances.kolmogorovSmirnovErrorBound(a, b)
        #expect(ksBound == 2 * KLLSketch.normalizedRankError(k: 200))
        #expect(abs(ks - Self.exactKolmogorovSmirnov(reference.values, current.values)) <= ksBound)

        let w1 = try SketchDistances.wasserstein(a, b).statistic
        let exactW1 = try WassersteinDistance.distance(reference, current).statistic
        #expect(abs(w1 - exactW1) <= SketchDistances.wassersteinErrorBound(a, b))
        // The bound is for the worst case; the coin's errors mostly cancel in the integral.
        #expect(abs(w1 - exactW1) <= 0.01)
        let normed = try SketchDistances.wassersteinNormed(a, b, referenceMoments: moments).statistic
        let exactNormed = try WassersteinDistance.normed(reference, current).statistic
        #expect(
            abs(normed - exactNormed) <= SketchDistances.wassersteinErrorBound(a, b) / reference.variance().squareRoot()
        )
    }

    @Test func exactSketchesGiveTheExactDistances() throws {
        let reference = SortedSample([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
        let current = SortedSample([2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9])
        var a = KLLSketch()
        a.add(contentsOf: reference.values.reversed())
        var b = KLLSketch()
        b.add(contentsOf: current.values)
        #expect(SketchDistances.kolmogorovSmirnovErrorBound(a, b) == 0)
        #expect(SketchDistances.wassersteinErrorBound(a, b) == 0)
        #expect(
            try SketchDistances.kolmogorovSmirnov(a, b).statistic
                == Self.exactKolmogorovSmirnov(reference.values, current.values))
        let exactW1 = try WassersteinDistance.distance(reference, current).statistic
        #expect(abs(try SketchDistances.wasserstein(a, b).statistic - exactW1) <= 1e-12)
    }

    @Test func binnedDistancesEqualTheExactMethodsOnTheSameBins() throws {
        let reference = SortedSample(Self.normal(100_000, mean: 0, sd: 1, seed: 3))
        let current = SortedSample(Self.normal(30_000, mean: 0.3, sd: 1.2, seed: 4))
        // Sturges edges over both samples, as Evidently bins: nothing falls outside.
        let edges = HistogramEdges.sturges(
            minimum: min(reference.values[0], current.values[0]),
            maximum: max(reference.values.last!, current.values.last!), count: reference.count + current.count)
        var a = FixedEdgeHistogram(edges: edges)
        a.add(contentsOf: reference.values)
        var b = FixedEdgeHistogram(edges: edges)
        b.add(contentsOf: current.values)
        let exact = try BinnedProportions(reference, current)
        #expect(try BinnedProportions(a, b) == exact)
        #expect(try SketchDistances.populationStabilityIndex(a, b).statistic == PopulationStabilityIndex.value(exact))
        #expect(try SketchDistances.kullbackLeibler(a, b).statistic == KullbackLeiblerDivergence.value(exact))
        #expect(try SketchDistances.jensenShannon(a, b).statistic == JensenShannonDistance.value(exact))
        #expect(try SketchDistances.jensenShannon(a, b) == JensenShannonDistance.distance(reference, current))
        // Hellinger on bins is the categorical formula with one category per bin.
        let counts = CategoryCounts(
            reference: Dictionary(uniqueKeysWithValues: a.counts.enumerated().map { ("\(1000 + $0)", $1) }),
            current: Dictionary(uniqueKeysWithValues: b.counts.enumerated().map { ("\(1000 + $0)", $1) }))
        let hellinger = try SketchDistances.hellinger(a, b).statistic
        #expect(abs(hellinger - (try HellingerDistance.distance(counts).statistic)) <= 1e-15)
    }

    @Test func valuesOutsideTheEdgesGetTheirOwnBins() throws {
        var a = FixedEdgeHistogram(edges: [0, 1, 2])
        a.add(contentsOf: [0.5, 1.5, 1.5, 0.2])
        var b = FixedEdgeHistogram(edges: [0, 1, 2])
        b.add(contentsOf: [0.5, 1.5, 3, 4, .nan])
        #expect(
            try BinnedProportions(a, b) == BinnedProportions(reference: [0.5, 0.5, 0], current: [0.25, 0.25, 0.5]))
        let psi = try SketchDistances.populationStabilityIndex(a, b).statistic
        #expect(
            psi
                == PopulationStabilityIndex.value(
                    BinnedProportions(reference: [0.5, 0.5, 0], current: [0.25, 0.25, 0.5])))
        #expect(psi > 1)
    }

    @Test func emptyOrMismatchedSketchesAreUndefined() {
        var a = FixedEdgeHistogram(edges: [0, 1])
        a.add(0.5)
        #expect(throws: UndefinedStatistic("a sample has no values")) {
            try SketchDistances.populationStabilityIndex(a, FixedEdgeHistogram(edges: [0, 1]))
        }
        #expect(throws: UndefinedStatistic("the histograms have different edges")) {
            try SketchDistances.hellinger(a, FixedEdgeHistogram(edges: [0, 2]))
        }
        var k = KLLSketch()
        k.add(1)
        #expect(throws: UndefinedStatistic("a sample has no values")) {
            try SketchDistances.kolmogorovSmirnov(k, KLLSketch())
        }
        #expect(throws: UndefinedStatistic("a sample has no values")) {
            try SketchDistances.wasserstein(KLLSketch(), k)
        }
    }
}
