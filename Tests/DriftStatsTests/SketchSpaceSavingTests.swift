import DriftStats
import Foundation
import Testing

@Suite struct SketchSpaceSavingTests {
    /// Items "item-r" drawn with probability ∝ 1/r over `distinct` ranks (a Zipf law).
    static func zipfItems(_ count: Int, distinct: Int, seed: UInt64) -> [String] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var cumulative: [Double] = []
        var total = 0.0
        for rank in 1...distinct {
            total += 1 / Double(rank)
            cumulative.append(total)
        }
        return (0..<count).map { _ in
            let u = Double.random(in: 0..<total, using: &generator)
            var low = 0
            var high = distinct - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] <= u { low = mid + 1 } else { high = mid }
            }
            return "item-\(low + 1)"
        }
    }

    /// Every documented guarantee, against exact frequencies.
    static func expectBounds(
        _ sketch: SpaceSavingSketch, _ items: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var frequency: [String: Int] = [:]
        for item in items { frequency[item, default: 0] += 1 }
        let n = items.count
        let k = sketch.capacity
        #expect(sketch.maximumError <= n / k, sourceLocation: sourceLocation)
        for (item, f) in frequency {
            let estimate = sketch.estimate(of: item)
            #expect(estimate.lowerBound <= f && f <= estimate.count, "\(item)", sourceLocation: sourceLocation)
            #expect(estimate.count - f <= sketch.maximumError, "\(item)", sourceLocation: sourceLocation)
        }
        let reported = Set(sketch.frequentItems(above: n / k).map(\.item))
        for (item, f) in frequency where f > n / k {
            #expect(reported.contains(item), "\(item) occurs \(f) > N/k times", sourceLocation: sourceLocation)
        }
    }

    @Test func boundsHoldOnAZipfStream() {
        let items = Self.zipfItems(200_000, distinct: 20_000, seed: 1)
        for capacity in [10, 100, 1_000] {
            var sketch = SpaceSavingSketch(capacity: capacity)
            sketch.add(contentsOf: items)
            #expect(sketch.count == items.count)
            #expect(sketch.maximumError > 0)
            Self.expectBounds(sketch, items)
        }
    }

    @Test func countsAreExactWhileTheCountersSuffice() {
        var sketch = SpaceSavingSketch(capacity: 3)
        sketch.add(contentsOf: ["a", "b", "a", "c", "a", "b"])
        #expect(sketch.maximumError == 0)
        #expect(sketch.estimates.map(\.item) == ["a", "b", "c"])
        #expect(sketch.estimates.map(\.count) == [3, 2, 1])
        #expect(sketch.estimates.allSatisfy { $0.count == $0.lowerBound })
        #expect(sketch.estimate(of: "z").count == 0)
        // A fourth item evicts the smallest counter, "c", and inherits its count as error.
        sketch.add("d", occurrences: 2)
        #expect(sketch.maximumError == 1)
        #expect(sketch.estimate(of: "d").count == 3 && sketch.estimate(of: "d").lowerBound == 2)
        #expect(sketch.estimate(of: "c").count == 1 && sketch.estimate(of: "c").lowerBound == 0)
        #expect(sketch.frequentItems(above: 2).map(\.item) == ["a", "d"])
    }

    @Test func weightedAddsMatchRepeatedAdds() {
        var repeated = SpaceSavingSketch(capacity: 4)
        var weighted = SpaceSavingSketch(capacity: 4)
        for (item, times) in [("x", 5), ("y", 1), ("x", 2), ("é", 3), ("w", 1), ("v", 4)] {
            for _ in 0..<times { repeated.add(item) }
            weighted.add(item, occurrences: times)
        }
        #expect(weighted.count == repeated.count)
        #expect(weighted.estimate(of: "x") == repeated.estimate(of: "x"))
    }
}
