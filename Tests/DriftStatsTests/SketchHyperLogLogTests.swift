import DriftStats
import Testing

@Suite struct SketchHyperLogLogTests {
    #if DEBUG
        static let largeCount = 200_000
    #else
        static let largeCount = 1_000_000
    #endif

    /// |estimate / n − 1| within four standard errors (probability about 6·10⁻⁵ of failing).
    static func expectAccurate(_ sketch: HyperLogLogSketch, _ n: Int, sourceLocation: SourceLocation = #_sourceLocation)
    {
        let relative = abs(sketch.estimate / Double(n) - 1)
        #expect(
            relative <= 4 * sketch.standardError, "n = \(n): relative error \(relative)", sourceLocation: sourceLocation
        )
    }

    @Test func randomNumbersAreCountedWithinFourStandardErrors() {
        var generator = SeededRandomNumberGenerator(seed: 11)
        // Integers below 2⁵³ as doubles, with about 1 in 3 repeated: the exact count comes from a set.
        let values = (0..<Self.largeCount).map { _ in
            Double(UInt64.random(in: 0..<UInt64(Self.largeCount * 2), using: &generator))
        }
        var sketch = HyperLogLogSketch()
        sketch.add(contentsOf: values)
        #expect(abs(sketch.standardError - 0.008125) < 1e-6)
        Self.expectAccurate(sketch, Set(values).count)
    }

    @Test func structuredInputsAreCountedWithinFourStandardErrors() {
        // Consecutive integers, a grid of small fractions and numbered strings: inputs whose bits
        // differ little, which a weak hash would cluster.
        var integers = HyperLogLogSketch()
        integers.add(contentsOf: (0..<Self.largeCount).map(Double.init))
        Self.expectAccurate(integers, Self.largeCount)
        var fractions = HyperLogLogSketch(precision: 12)
        fractions.add(contentsOf: (0..<Self.largeCount).map { Double($0) / 1024 })
        Self.expectAccurate(fractions, Self.largeCount)
        var strings = HyperLogLogSketch()
        strings.add(contentsOf: (0..<Self.largeCount / 4).map { "user-\($0)" })
        Self.expectAccurate(strings, Self.largeCount / 4)
    }

    @Test(arguments: [0, 1, 10, 100, 1_000, 10_000, 40_000, 70_000])
    func smallAndTransitionCardinalitiesAreAccurate(n: Int) {
        var sketch = HyperLogLogSketch()
        sketch.add(contentsOf: (0..<n).map { Double($0) * 0.5 - 17 })
        sketch.add(contentsOf: (0..<n).map { Double($0) * 0.5 - 17 })  // duplicates add nothing
        if n == 0 {
            #expect(sketch.estimate == 0)
        } else {
            Self.expectAccurate(sketch, n)
        }
        if n <= 100 { #expect(sketch.estimate.rounded() == Double(n)) }
    }

    @Test func equalNumbersHashEquallyAndMissingValuesAreSkipped() {
        var a = HyperLogLogSketch()
        a.add(contentsOf: [0.0, -0.0, .nan, .infinity, -.infinity])
        var b = HyperLogLogSketch()
        b.add(0.0)
        #expect(a == b)
        #expect(a.estimate.rounded() == 1)
    }

    @Test func foldingEqualsBuildingAtTheLowerPrecision() {
        var generator = SeededRandomNumberGenerator(seed: 3)
        let values = (0..<50_000).map { _ in Double.random(in: -1...1, using: &generator) }
        var fine = HyperLogLogSketch(precision: 14)
        fine.add(contentsOf: values)
        for target in [4, 9, 13, 14] {
            var coarse = HyperLogLogSketch(precision: target)
            coarse.add(contentsOf: values)
            #expect(fine.folded(to: target) == coarse)
        }
        var other = HyperLogLogSketch(precision: 10)
        other.add(contentsOf: values.prefix(20_000))
        var expected = HyperLogLogSketch(precision: 10)
        expected.add(contentsOf: values)
        #expect(fine.merged(with: other) == expected && other.merged(with: fine) == expected)
    }
}
