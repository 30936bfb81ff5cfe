import DriftStats
import Foundation
import Testing

@Suite struct SketchKLLTests {
    #if DEBUG
        /// A million values in release builds; a fifth of that keeps debug runs to about a second.
        static let largeCount = 200_000
    #else
        static let largeCount = 1_000_000
    #endif

    /// sup over x of |F̂(x) − F(x)|: both are steps that jump only at data values, so the
    /// supremum is attained at one of the sorted values.
    static func maximumRankError(_ sketch: KLLSketch, sorted: [Double]) -> Double {
        let ranks = sketch.ranks(sorted)
        var worst = 0.0
        var i = 0
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && sorted[j + 1] == sorted[i] { j += 1 }
            worst = max(worst, abs(ranks[j] - Double(j + 1) / Double(sorted.count)))
            i = j + 1
        }
        return worst
    }

    /// How many sorted values are < (or ≤) `value`, by binary search.
    static func countBelow(_ sorted: [Double], _ value: Double, orEqual: Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value || (orEqual && sorted[mid] == value) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func data(_ distribution: Int, count: Int, seed: UInt64) -> [Double] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return (0..<count).map { i in
            switch distribution {
            case 0: Double.random(in: 0..<1, using: &generator)
            case 1: -log(Double.random(in: .leastNonzeroMagnitude..<1, using: &generator))  // exponential
            case 2: Double(Int.random(in: 0..<50, using: &generator))  // heavy ties
            default: Double(count - i)  // descending, adversarial for a buffer
            }
        }
    }

    @Test(arguments: [0, 1, 2, 3])
    func rankErrorIsWithinTheBoundOnLargeData(distribution: Int) {
        let values = Self.data(distribution, count: Self.largeCount, seed: UInt64(distribution))
        var sketch = KLLSketch(seed: UInt64(distribution))
        sketch.add(contentsOf: values)
        let sorted = values.sorted()
        let bound = KLLSketch.normalizedRankError(k: 200)
        #expect(abs(bound - 0.01329) < 1e-4)
        #expect(sketch.normalizedRankError == bound)
        #expect(Self.maximumRankError(sketch, sorted: sorted) <= bound)
        #expect(sketch.count == values.count)
        #expect(sketch.minimum == sorted[0] && sketch.maximum == sorted[sorted.count - 1])
        #expect(sketch.retainedCount < 3 * 200 + 8 * 20)
        // Quantiles: the rank of the estimated q-quantile is within the bound of q.
        let qs = (1..<100).map { Double($0) / 100 }
        for (q, estimate) in zip(qs, sketch.quantiles(qs)) {
            let upper = Double(Self.countBelow(sorted, estimate, orEqual: true)) / Double(sorted.count)
            let lower = Double(Self.countBelow(sorted, estimate, orEqual: false)) / Double(sorted.count)
            #expect(q >= lower - bound && q <= upper + bound, "q = \(q)")
        }
    }

    @Test func smallStreamsAreExact() {
        var sketch = KLLSketch()
        let values = (0..<150).map { Double(($0 * 37) % 150) }
        sketch.add(contentsOf: values)
        #expect(sketch.isExact && sketch.normalizedRankError == 0)
        #expect(sketch.rank(74) == 0.5)
        #expect(sketch.rank(-1) == 0 && sketch.rank(149) == 1)
        #expect(sketch.quantile(0.5) == 74)
        #expect(sketch.quantile(0) == 0 && sketch.quantile(1) == 149)
        #expect(sketch.quantile(0.001) == 0)
    }

    @Test func missingValuesAreCountedNotSketched() {
        var sketch = KLLSketch()
        sketch.add(contentsOf: [1, .nan, 2, .infinity, -.infinity, 3])
        sketch.add(.nan)
        #expect(sketch.count == 3 && sketch.missing == 4)
        #expect(sketch.minimum == 1 && sketch.maximum == 3)
        #expect(KLLSketch().quantile(0.5).isNaN && KLLSketch().rank(0).isNaN && KLLSketch().minimum.isNaN)
    }

    @Test func oneByOneAndBulkAddsBuildTheSameSketch() {
        let values = Self.data(1, count: 50_000, seed: 9)
        var bulk = KLLSketch(seed: 4)
        bulk.add(contentsOf: values)
        var single = KLLSketch(seed: 4)
        for value in values { single.add(value) }
        var sequence = KLLSketch(seed: 4)
        sequence.add(contentsOf: values.lazy.map { $0 })
        #expect(bulk == single && bulk == sequence)
    }

    @Test func aSmallerKGivesAWiderBoundAndMergesKeepTheSmallerK() {
        let values = Self.data(0, count: 300_000, seed: 5)
        var coarse = KLLSketch(k: 50, seed: 1)
        coarse.add(contentsOf: values[..<150_000])
        var fine = KLLSketch(k: 400, seed: 2)
        fine.add(contentsOf: values[150_000...])
        let merged = fine.merged(with: coarse)
        #expect(merged.k == 50 && coarse.merged(with: fine).k == 50)
        #expect(merged.count == values.count)
        #expect(Self.maximumRankError(merged, sorted: values.sorted()) <= KLLSketch.normalizedRankError(k: 50))
        #expect(merged.retainedCount < 3 * 50 + 8 * 20)
    }
}
