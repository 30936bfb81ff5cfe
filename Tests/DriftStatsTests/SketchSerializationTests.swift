import DriftStats
import Testing

@Suite struct SketchSerializationTests {
    /// A serialized sketch of each kind, empty and not.
    static func examples() -> [(kind: SketchKind, bytes: [UInt8])] {
        var generator = SeededRandomNumberGenerator(seed: 8)
        let values = (0..<20_000).map { _ in Double.random(in: -1...1, using: &generator) } + [.nan]
        var kll = KLLSketch(k: 64, seed: 3)
        kll.add(contentsOf: values)
        var hll = HyperLogLogSketch(precision: 8)
        hll.add(contentsOf: values)
        var items = SpaceSavingSketch(capacity: 5)
        items.add(contentsOf: values.prefix(200).map { String(Int(($0 * 9).rounded())) } + ["é", "日本"])
        var histogram = FixedEdgeHistogram(edges: [-0.5, 0, 0.25, 0.5])
        histogram.add(contentsOf: values)
        var moments = MomentsSketch()
        moments.add(contentsOf: values)
        var performance = PerformanceSketch()
        for value in values.prefix(300) {
            performance.add(
                LabeledPrediction(
                    truth: value > 0 ? "1" : "0", predicted: value > 0.2 ? "1" : "0", truthNumber: value,
                    predictedNumber: value * 0.9, probabilities: ["1": (value + 1) / 2], delaySeconds: abs(value) * 100)
            )
        }
        return [
            (.kll, kll.serialized()), (.kll, KLLSketch().serialized()),
            (.hyperLogLog, hll.serialized()), (.hyperLogLog, HyperLogLogSketch(precision: 4).serialized()),
            (.spaceSaving, items.serialized()), (.spaceSaving, SpaceSavingSketch().serialized()),
            (.fixedEdgeHistogram, histogram.serialized()),
            (.fixedEdgeHistogram, FixedEdgeHistogram(edges: [0, 1]).serialized()),
            (.moments, moments.serialized()), (.moments, MomentsSketch().serialized()),
            (
                .bundle,
                SketchBundle(
                    counters: ["count": 20_001, "é": 0], parts: ["kll": kll.serialized(), "empty": []]
                ).serialized()
            ),
            (.bundle, SketchBundle().serialized()),
            (.performance, performance.serialized()), (.performance, PerformanceSketch().serialized()),
        ]
    }

    /// Decodes `bytes` as a sketch of `kind` and serializes it again.
    static func roundTrip(_ kind: SketchKind, _ bytes: [UInt8]) throws(SketchError) -> [UInt8] {
        switch kind {
        case .kll: try KLLSketch(serialized: bytes).serialized()
        case .hyperLogLog: try HyperLogLogSketch(serialized: bytes).serialized()
        case .spaceSaving: try SpaceSavingSketch(serialized: bytes).serialized()
        case .fixedEdgeHistogram: try FixedEdgeHistogram(serialized: bytes).serialized()
        case .moments: try MomentsSketch(serialized: bytes).serialized()
        case .bundle: try SketchBundle(serialized: bytes).serialized()
        case .performance: try PerformanceSketch(serialized: bytes).serialized()
        }
    }

    @Test func everyKindRoundTripsByteForByte() throws {
        for (kind, bytes) in Self.examples() {
            #expect(try SketchKind(serialized: bytes) == kind)
            #expect(try Self.roundTrip(kind, bytes) == bytes)
            #expect(Array(bytes[0..<4]) == [0x44, 0x57, kind.rawValue, 1])
        }
    }

    @Test func decodedSketchesEqualAndContinueLikeTheOriginals() throws {
        var generator = SeededRandomNumberGenerator(seed: 9)
        let first = (0..<30_000).map { _ in Double.random(in: 0...1, using: &generator) }
        let second = (0..<30_000).map { _ in Double.random(in: 0...1, using: &generator) }
        var kll = KLLSketch(k: 100, seed: 5)
        kll.add(contentsOf: first)
        var decodedKLL = try KLLSketch(serialized: kll.serialized())
        #expect(decodedKLL == kll)
        kll.add(contentsOf: second)
        decodedKLL.add(contentsOf: second)
        #expect(decodedKLL == kll)

        let words = first.map { String(Int($0 * $0 * 40)) }
        var items = SpaceSavingSketch(capacity: 8)
        items.add(contentsOf: words.prefix(10_000))
        var decodedItems = try SpaceSavingSketch(serialized: items.serialized())
        #expect(decodedItems == items)
        items.add(contentsOf: words.suffix(10_000))
        decodedItems.add(contentsOf: words.suffix(10_000))
        #expect(decodedItems == items && decodedItems.serialized() == items.serialized())

        var moments = MomentsSketch()
        moments.add(contentsOf: first)
        #expect(try MomentsSketch(serialized: moments.serialized()) == moments)
        var hll = HyperLogLogSketch()
        hll.add(contentsOf: first)
        #expect(try HyperLogLogSketch(serialized: hll.serialized()) == hll)
        var histogram = FixedEdgeHistogram(edges: [0, 0.1, 0.7])
        histogram.add(contentsOf: first)
        #expect(try FixedEdgeHistogram(serialized: histogram.serialized()) == histogram)
    }

    @Test func everyTruncationIsReportedAsTruncated() {
        for (kind, bytes) in Self.examples() {
            for length in 0..<bytes.count {
                do {
                    _ = try Self.roundTrip(kind, Array(bytes.prefix(length)))
                    Issue.record("\(kind), \(length) of \(bytes.count) bytes decoded")
                } catch {
                    guard case .truncated(let expected, let actual) = error else {
                        Issue.record("\(kind), \(length) bytes: \(error)")
                        continue
                    }
                    #expect(actual == length && expected > length)
                }
            }
        }
    }

    @Test func everyFlippedBitIsRejected() {
        for (kind, bytes) in Self.examples() {
            // Every bit of the envelope and of small bodies; a stride through the larger ones.
            let step = bytes.count > 600 ? 7 : 1
            for index in stride(from: 0, to: bytes.count, by: step) {
                for bit in 0..<8 {
                    var corrupted = bytes
                    corrupted[index] ^= 1 << bit
                    #expect(throws: SketchError.self, "\(kind), byte \(index), bit \(bit)") {
                        try Self.roundTrip(kind, corrupted)
                    }
                }
            }
        }
    }

    @Test func wrongTagsVersionsAndStrayBytesHaveTheirOwnErrors() {
        let moments = MomentsSketch().serialized()
        #expect(throws: SketchError.wrongKind(expected: .kll, found: .moments)) { try KLLSketch(serialized: moments) }
        #expect(throws: SketchError.notASketch) { try MomentsSketch(serialized: [0x50, 0x4B, 3, 4] + moments) }
        var future = moments
        future[3] = 2
        #expect(throws: SketchError.unsupportedVersion(kind: .moments, found: 2, supported: 1)) {
            try MomentsSketch(serialized: future)
        }
        var unknown = moments
        unknown[2] = 99
        #expect(throws: SketchError.unknownKind(99)) { try MomentsSketch(serialized: unknown) }
        #expect(throws: SketchError.corrupt("1 bytes after the checksum")) {
            try MomentsSketch(serialized: moments + [0])
        }
        #expect(
            SketchError.truncated(expected: 16, actual: 3).description
                == "truncated sketch: 3 bytes, at least 16 needed")
    }
}
