import DriftStats
import Testing

@Suite struct SortedSampleTests {
    @Test(arguments: [0, 1, 255, 256, 257, 10_000, 100_000])
    func sortsLikeTheStandardLibrary(count: Int) {
        var generator = SeededRandomNumberGenerator(seed: UInt64(count))
        let specials: [Double] = [
            0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .greatestFiniteMagnitude, -1,
        ]
        var values = (0..<count).map { i -> Double in
            switch i % 4 {
            case 0: Double.random(in: -1e6...1e6, using: &generator)
            case 1: Double(Int.random(in: -5...5, using: &generator))  // ties
            case 2: specials[Int.random(in: 0..<specials.count, using: &generator)]
            default: Double.random(in: -1...1, using: &generator) * 1e-300
            }
        }
        values += [.nan, .infinity, -.infinity]
        let sample = SortedSample(values)
        let expected = values.filter(\.isFinite).sorted()
        #expect(sample.missing == 3)
        #expect(sample.values.count == expected.count)
        #expect(zip(sample.values, expected).allSatisfy { $0 == $1 })
        #expect(zip(sample.values, sample.values.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func countsDistinctValuesOfAUnion() {
        let a = SortedSample([1, 2, 2, 3])
        let b = SortedSample([2, 4, 4])
        #expect(SortedSample.distinctCount(union: a, b) == 4)
        #expect(SortedSample.distinctCount(union: SortedSample([Double]()), b) == 2)
    }
}
