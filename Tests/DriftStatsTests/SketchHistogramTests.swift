import DriftStats
import Testing

@Suite struct SketchHistogramTests {
    @Test func countsMatchNumpyHistogramOnTheSameEdges() {
        var generator = SeededRandomNumberGenerator(seed: 2)
        var values = (0..<100_000).map { _ in Double.random(in: -3...3, using: &generator) }
        let edges = HistogramEdges.linspace(-2, 2.5, binCount: 13)
        values += edges + [.nan, .infinity, -.infinity]
        var histogram = FixedEdgeHistogram(edges: edges)
        histogram.add(contentsOf: values)
        let present = SortedSample(values)
        #expect(histogram.counts == HistogramEdges.counts(sorted: present.values, edges: edges))
        #expect(histogram.below == present.values.filter { $0 < -2 }.count)
        #expect(histogram.above == present.values.filter { $0 > 2.5 }.count)
        #expect(histogram.missing == 3)
        #expect(histogram.count == present.count)
        var single = FixedEdgeHistogram(edges: edges)
        for value in values { single.add(value) }
        #expect(single == histogram)
    }

    @Test func theLastBinIsClosedAndTheOthersHalfOpen() {
        var histogram = FixedEdgeHistogram(edges: [0, 1, 2])
        histogram.add(contentsOf: [0, 0.5, 1, 2, 2.0000001, -0.0000001])
        #expect(histogram.counts == [2, 2])
        #expect(histogram.below == 1 && histogram.above == 1)
    }

    @Test func mergingDifferentEdgesFails() {
        let a = FixedEdgeHistogram(edges: [0, 1, 2])
        let b = FixedEdgeHistogram(edges: [0, 1, 3])
        #expect(throws: SketchError.incompatible("the histograms have different edges")) { try a.merged(with: b) }
    }
}
