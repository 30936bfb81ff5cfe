import DriftStats
import Foundation
import Testing

@Suite struct SketchMomentsTests {
    /// Mean and central moments by two passes, the mean summed with Neumaier's compensation so
    /// that the reference is not itself the least accurate party far from zero.
    static func exact(_ values: [Double]) -> (mean: Double, variance: Double, skewness: Double, kurtosis: Double) {
        let n = Double(values.count)
        var sum = 0.0
        var compensation = 0.0
        for value in values {
            let t = sum + value
            compensation += abs(sum) >= abs(value) ? (sum - t) + value : (value - t) + sum
            sum = t
        }
        let mean = (sum + compensation) / n
        var m2 = 0.0
        var m3 = 0.0
        var m4 = 0.0
        for value in values {
            let d = value - mean
            m2 += d * d
            m3 += d * d * d
            m4 += d * d * d * d
        }
        return (mean, m2 / n, n.squareRoot() * m3 / pow(m2, 1.5), n * m4 / (m2 * m2) - 3)
    }

    @Test(arguments: [0.0, 1e6, 1e9])
    func momentsAgreeWithTwoPassFormulas(offset: Double) {
        var generator = SeededRandomNumberGenerator(seed: 6)
        // Exponential values, skewness 2 and excess kurtosis 6, shifted far from zero.
        let values = (0..<SketchKLLTests.largeCount).map { _ in
            offset - log(Double.random(in: .leastNonzeroMagnitude..<1, using: &generator))
        }
        let expected = Self.exact(values)
        var bulk = MomentsSketch()
        bulk.add(contentsOf: values)
        var single = MomentsSketch()
        for value in values { single.add(value) }
        for sketch in [bulk, single] {
            #expect(sketch.count == values.count)
            #expect(sketch.minimum == values.min()! && sketch.maximum == values.max()!)
            // Far from zero, the data's own rounding limits every method to about ε·|mean|/σ.
            let kappa = 1 + offset
            // Welford's mean takes one rounding per value, a random walk of √n·ε·|mean|.
            #expect(abs(sketch.mean - expected.mean) <= 2.2e-16 * Double(values.count).squareRoot() * kappa)
            #expect(abs(sketch.variance() / expected.variance - 1) <= 2.2e-16 * kappa + 1e-12)
            #expect(
                abs(sketch.variance(ddof: 1) / sketch.variance() - Double(values.count) / Double(values.count - 1))
                    <= 1e-15)
            #expect(abs(sketch.skewness - expected.skewness) <= 2.2e-15 * kappa + 1e-12)
            #expect(abs(sketch.kurtosis - expected.kurtosis) <= 1e-14 * kappa + 1e-11)
        }
        #expect(abs(bulk.skewness - 2) < 0.1 && abs(bulk.kurtosis - 6) < 1)
    }

    @Test func edgeCasesFollowScipy() {
        var sketch = MomentsSketch()
        #expect(sketch.mean.isNaN && sketch.variance().isNaN && sketch.skewness.isNaN && sketch.minimum.isNaN)
        sketch.add(contentsOf: [4, 4, .nan, 4, -.infinity])
        #expect(sketch.count == 3 && sketch.missing == 2)
        #expect(sketch.mean == 4 && sketch.variance() == 0 && sketch.variance(ddof: 3).isNaN)
        #expect(sketch.skewness.isNaN && sketch.kurtosis.isNaN)
        sketch.add(8)
        #expect(sketch.mean == 5 && sketch.variance() == 3 && sketch.variance(ddof: 1) == 4)
    }

    @Test func mergingAnEmptySketchChangesNothing() {
        var sketch = MomentsSketch()
        sketch.add(contentsOf: [1, 2, 3.5])
        #expect(sketch.merged(with: MomentsSketch()) == sketch)
        #expect(MomentsSketch().merged(with: sketch) == sketch)
    }
}
