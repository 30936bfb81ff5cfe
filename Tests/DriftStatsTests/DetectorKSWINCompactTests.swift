import Testing

@testable import DriftStats

/// The pieces of KSWIN's compact window against plain computations: the sorted keys against a
/// sort, the two-pass sampler's subsets against the uniform distribution, and the bit-parallel
/// test against a walk over the positions.
@Suite struct DetectorKSWINCompactTests {
    @Test func keysOrderAsTheirValues() {
        var random = SeededRandomNumberGenerator(seed: 1)
        let special: [Double] = [
            0, -0.0, 1, -1, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
            .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .nan,
        ]
        let values = special + (0..<300).map { _ in Double.random(in: -3...3, using: &random) }
        let standIn = { (x: Double) in x.isNaN ? Double.infinity : x }
        for a in values {
            #expect(KSWINSortedKeys.value(KSWINSortedKeys.key(a)) == standIn(a))
            #expect(
                KSWINSortedKeys.key(a) != KSWINSortedKeys.belowAll && KSWINSortedKeys.key(a) != KSWINSortedKeys.aboveAll
            )
            for b in special + values.prefix(40) {
                #expect((KSWINSortedKeys.key(a) < KSWINSortedKeys.key(b)) == (standIn(a) < standIn(b)), "\(a), \(b)")
                #expect((KSWINSortedKeys.key(a) == KSWINSortedKeys.key(b)) == (standIn(a) == standIn(b)), "\(a), \(b)")
            }
        }
    }

    /// The sorted keys, one update late, and the newest mask follow the window: over continuous
    /// values, values with many ties, NaNs and signed zeros, through resets.
    @Test(arguments: [(100, 30), (128, 20), (17, 8), (64, 32), (65, 5)])
    func sortedKeysFollowTheWindow(_ n: Int, _ r: Int) {
        var random = SeededRandomNumberGenerator(seed: UInt64(n * 1000 + r))
        var window = KSWINCompactWindow(windowSize: n, statSize: r)
        var generator = SeededRandomNumberGenerator(seed: 2)
        var values: [Double] = []
        for step in 0..<2000 {
            if step % 700 == 699 {
                window.removeAll()
                values.removeAll()
            }
            var x = Double.random(in: -2...2, using: &random)
            switch step / 500 {
            case 1: x = (2 * x).rounded()
            case 2: x = Double.random(in: 0..<1, using: &random) < 0.02 ? .nan : x
            case 3: x = (x * 2).rounded() == 0 ? (step % 2 == 0 ? 0.0 : -0.0) : x
            default: break
            }
            _ = window.update(x, using: &generator, criticalGap: r + 1)
            values.append(x)
            if values.count > n { values.removeFirst() }
            let standIns = values.map { $0.isNaN ? Double.infinity : $0 + 0.0 }
            #expect(window.sortedValues == standIns.sorted(), "step \(step)")
            // While the window fills, the newest are those past the first n − r.
            #expect(
                window.lastSamples.recent == standIns.suffix(max(0, values.count - (n - r))).sorted(), "step \(step)")
        }
    }

    /// Older positions spread over both words, with keep rules of every kind: c = 7, another c,
    /// and c = 16 (every position kept).
    @Test(arguments: [(30, 70), (3, 4), (40, 41)])
    func drawsEverySubsetOfTheOlderPositionsEquallyOften(_ statSize: Int, _ olderSize: Int) {
        let positions = [3, 17, 40, 63, 64, 90, 127]
        let older = positions.reduce(UInt128(0)) { $0 | 1 << $1 }
        let rule = KSWINSampler.KeepRule(statSize: statSize, olderSize: olderSize)
        let table = UnsafeMutableRawPointer.allocate(byteCount: KSWINSampler.selectTableSize, alignment: 8)
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: KSWINSampler.scratchSize, alignment: 8)
        defer {
            table.deallocate()
            scratch.deallocate()
        }
        KSWINSampler.writeSelectTable(to: table)
        var generator = SeededRandomNumberGenerator(seed: 11)
        for r in [1, 3, 6] {
            var counts: [UInt128: Int] = [:]
            let draws = 35_000
            for _ in 0..<draws {
                let drawn = KSWINSampler.draw(
                    from: older, count: r, rule: rule, selectTable: table, scratch: scratch, using: &generator)
                #expect(drawn & ~older == 0 && drawn.nonzeroBitCount == r)
                counts[drawn, default: 0] += 1
            }
            // Each of the C(7, r) subsets with probability 1/C(7, r): a χ² test with generous bounds.
            let cells = (0..<r).reduce(1) { $0 * (7 - $1) / ($1 + 1) }
            #expect(counts.count == cells)
            let perCell = Double(draws) / Double(cells)
            let chiSquare = counts.values.reduce(0.0) { $0 + (Double($1) - perCell) * (Double($1) - perCell) / perCell }
            let degrees = Double(cells - 1)
            #expect(abs(chiSquare - degrees) < 6 * max(1, (2 * degrees).squareRoot()), "r \(r): χ² \(chiSquare)")
        }
    }

    /// Random masks W and R of r positions each among n: the bit-parallel test decides as a walk
    /// over the positions does, the blocks' bounds never miss a gap, and when they rule out every
    /// completion of a first pass, no completion reaches the gap.
    @Test func readsTheGapOffTheMasks() {
        var random = SeededRandomNumberGenerator(seed: 7)
        let table = UnsafeMutableRawPointer.allocate(byteCount: KSWINPrefixGap.prefixTableSize, alignment: 8)
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: KSWINPrefixGap.scratchSize, alignment: 8)
        defer {
            table.deallocate()
            scratch.deallocate()
        }
        KSWINPrefixGap.writePrefixTable(to: table)
        var completionsChecked = 0
        for _ in 0..<3000 {
            let n = Int.random(in: 2...128, using: &random)
            let r = Int.random(in: 1...min(55, n / 2), using: &random)
            let recent = Self.subset(of: Self.low(n), count: r, &random)
            let drawn = Self.subset(of: Self.low(n) & ~recent, count: r, &random)
            let gap = Int.random(in: 1...r, using: &random)
            let (above, below) = Self.largestDifferences(drawn, recent)
            let rejects = KSWINPrefixGap.rejects(
                drawn: drawn, recent: recent, size: n, criticalGap: gap, prefixTable: table, scratch: scratch)
            #expect(rejects == (max(above, below) >= gap), "n \(n), r \(r), gap \(gap)")
            let blocks = KSWINPrefixGap.Blocks(drawn: drawn, recent: recent)
            let aboveGap = Int.random(in: 1...r, using: &random)
            let belowGap = Int.random(in: 1...r, using: &random)
            if !blocks.mayReach(above: aboveGap, below: belowGap) {
                #expect(above < aboveGap && below < belowGap)
            }
            // A first pass kept k ≠ r of the older positions; a completion drops or adds |k − r|.
            let older = Self.low(n) & ~recent
            let k = Int.random(in: max(1, r - 8)...min(55, r + 8, n - r), using: &random)
            guard k != r, abs(k - r) < gap else { continue }
            let kept = Self.subset(of: older, count: k, &random)
            guard !KSWINPrefixGap.someCompletionMayReach(gap, kept: kept, count: k, recent: recent, statSize: r) else {
                continue
            }
            for _ in 0..<20 {
                let completed =
                    k > r
                    ? kept & ~Self.subset(of: kept, count: k - r, &random)
                    : kept | Self.subset(of: older & ~kept, count: r - k, &random)
                let (completedAbove, completedBelow) = Self.largestDifferences(completed, recent)
                #expect(max(completedAbove, completedBelow) < gap)
                completionsChecked += 1
            }
        }
        #expect(completionsChecked > 1000)
    }

    /// The largest #W − #R and #R − #W over the prefixes of the positions.
    static func largestDifferences(_ drawn: UInt128, _ recent: UInt128) -> (Int, Int) {
        var difference = 0
        var above = 0
        var below = 0
        for k in 0..<128 {
            difference += Int((drawn >> k) & 1) - Int((recent >> k) & 1)
            above = max(above, difference)
            below = max(below, -difference)
        }
        return (above, below)
    }

    static func low(_ n: Int) -> UInt128 { n == 128 ? .max : (1 << n) - 1 }

    /// `count` of the set bits of `mask`, uniformly.
    static func subset(of mask: UInt128, count: Int, _ random: inout SeededRandomNumberGenerator) -> UInt128 {
        var positions = (0..<128).filter { (mask >> $0) & 1 == 1 }
        positions.shuffle(using: &random)
        return positions.prefix(count).reduce(0) { $0 | 1 << $1 }
    }
}
