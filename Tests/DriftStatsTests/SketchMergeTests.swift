import DriftStats
import Testing

/// Merging in any order and grouping: each dataset is dealt at random into 2–8 parts, a sketch
/// is built per part, and the sketches are merged by repeatedly combining two picked at random,
/// in a random operand order, which exercises both commutativity and associativity.
@Suite struct SketchMergeTests {
    #if DEBUG
        static let largeCount = 200_000
    #else
        static let largeCount = 1_000_000
    #endif

    static func mergeRandomly<Item, Sketch>(
        _ items: [Item], seed: UInt64, build: ([Item]) -> Sketch, merge: (Sketch, Sketch) -> Sketch
    ) -> Sketch {
        var generator = SeededRandomNumberGenerator(seed: seed)
        let partCount = Int.random(in: 2...8, using: &generator)
        var parts = [[Item]](repeating: [], count: partCount)
        for item in items { parts[Int.random(in: 0..<partCount, using: &generator)].append(item) }
        var pool = parts.map(build)
        while pool.count > 1 {
            let a = pool.remove(at: Int.random(in: 0..<pool.count, using: &generator))
            let b = pool.remove(at: Int.random(in: 0..<pool.count, using: &generator))
            pool.append(Bool.random(using: &generator) ? merge(a, b) : merge(b, a))
        }
        return pool[0]
    }

    static func numbers(_ count: Int, seed: UInt64) -> [Double] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return (0..<count).map { _ in
            Double.random(in: -5...5, using: &generator) * Double.random(in: 0...1, using: &generator)
        }
    }

    @Test(arguments: 0..<4 as Range<UInt64>)
    func kllMergedInAnyOrderMeetsTheBound(seed: UInt64) {
        let values = Self.numbers(Self.largeCount, seed: seed)
        var partSeed = seed * 100
        let merged = Self.mergeRandomly(values, seed: seed) { part in
            partSeed += 1
            var sketch = KLLSketch(seed: partSeed)
            sketch.add(contentsOf: part)
            return sketch
        } merge: {
            $0.merged(with: $1)
        }
        #expect(merged.count == values.count)
        #expect(merged.minimum == values.min()! && merged.maximum == values.max()!)
        #expect(
            SketchKLLTests.maximumRankError(merged, sorted: values.sorted()) <= KLLSketch.normalizedRankError(k: 200))
        #expect(merged.retainedCount < 3 * 200 + 8 * 20)
    }

    @Test(arguments: 0..<4 as Range<UInt64>)
    func hyperLogLogMergedInAnyOrderEqualsTheWholeSketch(seed: UInt64) {
        let values = Self.numbers(Self.largeCount / 4, seed: seed)
        var whole = HyperLogLogSketch()
        whole.add(contentsOf: values)
        let merged = Self.mergeRandomly(values, seed: seed) { part in
            var sketch = HyperLogLogSketch()
            sketch.add(contentsOf: part)
            return sketch
        } merge: {
            $0.merged(with: $1)
        }
        #expect(merged == whole)
    }

    @Test(arguments: 0..<4 as Range<UInt64>)
    func histogramMergedInAnyOrderEqualsTheWholeHistogram(seed: UInt64) {
        var values = Self.numbers(50_000, seed: seed)
        values += [.nan, .infinity, -7, 9, -4, 4]
        let edges = HistogramEdges.linspace(-4, 4, binCount: 16)
        var whole = FixedEdgeHistogram(edges: edges)
        whole.add(contentsOf: values)
        let merged = Self.mergeRandomly(values, seed: seed) { part in
            var histogram = FixedEdgeHistogram(edges: edges)
            histogram.add(contentsOf: part)
            return histogram
        } merge: {
            try! $0.merged(with: $1)
        }
        #expect(merged == whole)
    }

    @Test(arguments: 0..<4 as Range<UInt64>)
    func momentsMergedInAnyOrderAgreeWithTheWhole(seed: UInt64) {
        let values = Self.numbers(100_000, seed: seed).map { $0 + 1e6 }
        var whole = MomentsSketch()
        whole.add(contentsOf: values)
        let merged = Self.mergeRandomly(values, seed: seed) { part in
            var sketch = MomentsSketch()
            sketch.add(contentsOf: part)
            return sketch
        } merge: { a, b in
            #expect(a.merged(with: b) == b.merged(with: a))
            return a.merged(with: b)
        }
        #expect(merged.count == whole.count && merged.minimum == whole.minimum && merged.maximum == whole.maximum)
        #expect(abs(merged.mean - whole.mean) <= 1e-15 * abs(whole.mean))
        #expect(abs(merged.variance() / whole.variance() - 1) <= 1e-10)
        #expect(abs(merged.skewness - whole.skewness) <= 1e-8)
        #expect(abs(merged.kurtosis - whole.kurtosis) <= 1e-8)
    }

    @Test(arguments: 0..<4 as Range<UInt64>)
    func spaceSavingMergedInAnyOrderIsExactBelowCapacityAndBoundedAbove(seed: UInt64) {
        let items = SketchSpaceSavingTests.zipfItems(100_000, distinct: 5_000, seed: seed)
        // Fewer distinct items than counters: every merge is exact, so every order agrees.
        let few = SketchSpaceSavingTests.zipfItems(100_000, distinct: 60, seed: seed)
        var whole = SpaceSavingSketch(capacity: 64)
        whole.add(contentsOf: few)
        let exact = Self.mergeRandomly(few, seed: seed) { part in
            var sketch = SpaceSavingSketch(capacity: 64)
            sketch.add(contentsOf: part)
            return sketch
        } merge: {
            $0.merged(with: $1)
        }
        #expect(exact == whole && whole.maximumError == 0)
        // Many more: the merge commutes exactly, and whatever the grouping the bounds hold.
        let merged = Self.mergeRandomly(items, seed: seed) { part in
            var sketch = SpaceSavingSketch(capacity: 100)
            sketch.add(contentsOf: part)
            return sketch
        } merge: { a, b in
            #expect(a.merged(with: b) == b.merged(with: a))
            return a.merged(with: b)
        }
        #expect(merged.count == items.count)
        SketchSpaceSavingTests.expectBounds(merged, items)
    }
}
