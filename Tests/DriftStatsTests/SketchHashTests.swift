import Testing

@testable import DriftStats

/// xxHash64 is part of the serialized form (HyperLogLog registers, checksums), so it is pinned
/// to the reference implementation's outputs (python-xxhash 4.1.0, `xxh64(data, seed)`).
@Suite struct SketchHashTests {
    static let nobody = Array("Nobody inspects the spammish repetition".utf8)

    @Test func xxHash64MatchesTheReferenceImplementation() {
        let golden: UInt64 = 0x9E37_79B9_7F4A_7C15
        let cases: [([UInt8], UInt64, UInt64)] = [
            ([], 0xEF46_DB37_51D8_E999, 0xC434_9FC9_3C01_0000),
            (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B, 0x9A7C_6D2E_A455_68C9),
            (Array("abc".utf8), 0x44BC_2CF5_AD77_0999, 0x2ED0_F59D_6B43_AC8B),
            (Self.nobody, 0xFBCE_A83C_8A37_8BF1, 0xEB8B_157C_A26C_BF34),
            (Array(0..<100), 0x6AC1_E580_3216_6597, 0x3B97_D91E_BA03_E785),
        ]
        for (bytes, unseeded, seeded) in cases {
            #expect(XXHash64.hash(bytes) == unseeded, "\(bytes.count) bytes")
            #expect(XXHash64.hash(bytes, seed: golden) == seeded, "\(bytes.count) bytes, seeded")
        }
        #expect(XXHash64.hash("abc") == 0x44BC_2CF5_AD77_0999)
        // The 8-byte path for doubles: xxh64(struct.pack("<d", 1.5)).
        #expect(HyperLogLogSketch.hash(1.5) == 0x49F7_B96B_6B5C_CAF9)
        #expect(
            HyperLogLogSketch.hash(1.5)
                == XXHash64.hash(withUnsafeBytes(of: (1.5).bitPattern.littleEndian) { Array($0) }))
        #expect(HyperLogLogSketch.hash(-0.0) == HyperLogLogSketch.hash(0.0))
    }

    @Test func aValidChecksumDoesNotExcuseABrokenInvariant() {
        var sketch = KLLSketch()
        sketch.add(contentsOf: [1, 2, 3])
        #expect(throws: SketchError.corrupt("level weights sum to 3, not the count 4")) {
            try KLLSketch(serialized: Self.resealed(sketch.serialized()) { $0[12] = 4 })
        }
        var items = SpaceSavingSketch(capacity: 2)
        items.add(contentsOf: ["a", "b", "b"])
        #expect(throws: SketchError.corrupt("the counters are not in heap order")) {
            // Swap the two counters' counts: b's 2 goes first, a's 1 second.
            try SpaceSavingSketch(
                serialized: Self.resealed(items.serialized()) { bytes in
                    let first = 32  // header, capacity, count, φ and the number of counters
                    bytes.swapAt(first, first + 8 + 8 + 4 + 1)
                })
        }
        var histogram = FixedEdgeHistogram(edges: [0, 1])
        histogram.add(0.5)
        #expect(throws: SketchError.corrupt("the edges are not finite and strictly increasing")) {
            try FixedEdgeHistogram(
                serialized: Self.resealed(histogram.serialized()) {
                    $0[19] = 0x7F
                    $0[18] = 0xF0
                })
        }
    }

    /// `bytes` edited, with the checksum recomputed so that only the body's invariants can object.
    static func resealed(_ bytes: [UInt8], _ edit: (inout [UInt8]) -> Void) -> [UInt8] {
        var body = Array(bytes.dropLast(8))
        edit(&body)
        let hash = XXHash64.hash(body)
        return body + (0..<8).map { UInt8(truncatingIfNeeded: hash >> (8 * $0)) }
    }
}
