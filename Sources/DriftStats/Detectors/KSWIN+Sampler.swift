/// Draws KSWIN's comparison sample: r of the older positions of the sorted window, each r-subset
/// equally likely, as a 128-bit mask over the sorted positions.
///
/// Floyd's algorithm needs r draws that each wait for the previous one. Here every older
/// position is first kept independently with probability p = c/16 (four random words decide 64
/// positions at once: a position is kept when the 4-bit number its bits spell is below c), with
/// c/16 close to r/(n − r). Given how many were kept, which ones is uniform, whatever p is. The
/// count is then brought to exactly r by dropping |k − r| of the k kept positions, or adding
/// them from the others, chosen uniformly by Floyd's algorithm over their ranks (Bentley &
/// Floyd 1987): a uniform subset of a uniform subset is uniform, and so is a uniform superset.
/// With the default 70 older positions and r = 30, p = 7/16 and about 3.3 positions change.
enum KSWINSampler {
    /// The bytes of the table `select` reads: entry 8·b + i is the position of the i-th set bit
    /// of the byte b.
    static let selectTableSize = 256 * 8

    /// Writes the table for `select` at `table`.
    static func writeSelectTable(to table: UnsafeMutableRawPointer) {
        for byte in 0..<256 {
            var rank = 0
            for bit in 0..<8 {
                table.storeBytes(of: 0, toByteOffset: 8 * byte + bit, as: UInt8.self)
            }
            for bit in 0..<8 where (byte >> bit) & 1 == 1 {
                table.storeBytes(of: UInt8(bit), toByteOffset: 8 * byte + rank, as: UInt8.self)
                rank += 1
            }
        }
    }

    /// How the first pass keeps each older position: with probability c/16, for the c closest to
    /// r/(n − r) (at least 1).
    struct KeepRule: Sendable {
        /// Mask i is all ones when bit 3 − i of c is set.
        let masks: (UInt64, UInt64, UInt64, UInt64)
        /// c = 16: every position is kept and no random plane is needed.
        let keepsAll: Bool
        /// c = 7, whose comparison is shorter.
        let isSeven: Bool

        init(statSize: Int, olderSize: Int) {
            let numerator = min(16, max(1, (32 * statSize + olderSize) / (2 * olderSize)))
            func mask(_ bit: Int) -> UInt64 { (numerator >> bit) & 1 == 1 ? ~0 : 0 }
            masks = (mask(3), mask(2), mask(1), mask(0))
            keepsAll = numerator == 16
            isSeven = numerator == 7
        }
    }

    /// The scratch bytes `draw` needs.
    static let scratchSize = 48

    /// The first pass's outcome: the kept positions and how many there are.
    struct Kept {
        let mask: UInt128
        let count: Int
    }

    /// r of the set bits of `older`, uniformly (r ≤ the number of set bits).
    @inline(__always)
    static func draw(
        from older: UInt128, count r: Int, rule: KeepRule, selectTable: UnsafeRawPointer,
        scratch: UnsafeMutableRawPointer, using generator: inout SeededRandomNumberGenerator
    ) -> UInt128 {
        let kept = keep(from: older, rule: rule, using: &generator)
        return complete(kept, from: older, count: r, selectTable: selectTable, scratch: scratch, using: &generator)
    }

    /// The first pass: each set bit of `older` kept independently with probability c/16.
    @inline(__always)
    static func keep(
        from older: UInt128, rule: KeepRule, using generator: inout SeededRandomNumberGenerator
    ) -> Kept {
        let olderLow = UInt64(truncatingIfNeeded: older)
        let olderHigh = UInt64(truncatingIfNeeded: older &>> 64)
        var keptLow = olderLow
        var keptHigh = olderHigh
        if !rule.keepsAll {
            keptLow &= keptLanes(rule, &generator)
            if olderHigh != 0 { keptHigh &= keptLanes(rule, &generator) }
        }
        let count = Int(truncatingIfNeeded: ((byteCounts(keptLow) &+ byteCounts(keptHigh)) &* ones) &>> 56)
        return Kept(mask: UInt128(keptHigh) &<< 64 | UInt128(keptLow), count: count)
    }

    /// The second pass: `kept`, drawn from `older` by `keep`, brought to exactly r positions.
    @inline(__always)
    static func complete(
        _ kept: Kept, from older: UInt128, count r: Int, selectTable: UnsafeRawPointer,
        scratch: UnsafeMutableRawPointer, using generator: inout SeededRandomNumberGenerator
    ) -> UInt128 {
        guard kept.count != r else { return kept.mask }
        let olderLow = UInt64(truncatingIfNeeded: older)
        let olderHigh = UInt64(truncatingIfNeeded: older &>> 64)
        let keptLow = UInt64(truncatingIfNeeded: kept.mask)
        let keptHigh = UInt64(truncatingIfNeeded: kept.mask &>> 64)
        // The positions to choose from: the kept ones when there are too many, the others if not.
        let adding = kept.count < r
        let poolLow = adding ? olderLow ^ keptLow : keptLow
        let poolHigh = adding ? olderHigh ^ keptHigh : keptHigh
        let poolPrefixLow = byteCounts(poolLow) &* ones
        let poolPrefixHigh = byteCounts(poolHigh) &* ones
        let poolLowCount = Int(truncatingIfNeeded: poolPrefixLow &>> 56)
        let poolCount = poolLowCount &+ Int(truncatingIfNeeded: poolPrefixHigh &>> 56)
        let changes = adding ? r &- kept.count : kept.count &- r
        // Word w of the pool, its running byte counts and the bits toggled in it, by index, so
        // that each step reads them without choosing between two registers.
        scratch.storeBytes(of: poolLow, toByteOffset: 0, as: UInt64.self)
        scratch.storeBytes(of: poolHigh, toByteOffset: 8, as: UInt64.self)
        scratch.storeBytes(of: poolPrefixLow, toByteOffset: 16, as: UInt64.self)
        scratch.storeBytes(of: poolPrefixHigh, toByteOffset: 24, as: UInt64.self)
        scratch.storeBytes(of: keptLow, toByteOffset: 32, as: UInt64.self)
        scratch.storeBytes(of: keptHigh, toByteOffset: 40, as: UInt64.self)
        // Floyd's algorithm picks `changes` distinct ranks in the pool; each is toggled at its
        // position. Each step takes 32 random bits (Lemire's bounded integer, exact).
        var chosen = RankSet(capacity: poolCount)
        var random: UInt64 = 0
        for last in (poolCount &- changes)..<poolCount {
            let odd = (last &- poolCount &+ changes) & 1 == 1
            if !odd { random = generator.next() }
            let bits = odd ? random &>> 32 : random & 0xFFFF_FFFF
            let range = UInt64(truncatingIfNeeded: last &+ 1)
            var product = bits &* range
            if product & 0xFFFF_FFFF < range {
                let threshold = (0x1_0000_0000 &- range) % range
                while product & 0xFFFF_FFFF < threshold { product = (generator.next() & 0xFFFF_FFFF) &* range }
            }
            let rank = chosen.insert(Int(truncatingIfNeeded: product &>> 32), orElse: last)
            let word = rank >= poolLowCount ? 1 : 0
            let position = select(
                scratch.load(fromByteOffset: word &<< 3, as: UInt64.self),
                prefix: scratch.load(fromByteOffset: 16 &+ word &<< 3, as: UInt64.self),
                rank: UInt64(truncatingIfNeeded: rank &- (poolLowCount & (0 &- word))), table: selectTable)
            let toggled = scratch.load(fromByteOffset: 32 &+ word &<< 3, as: UInt64.self) ^ (1 &<< position)
            scratch.storeBytes(of: toggled, toByteOffset: 32 &+ word &<< 3, as: UInt64.self)
        }
        let low = scratch.load(fromByteOffset: 32, as: UInt64.self)
        let high = scratch.load(fromByteOffset: 40, as: UInt64.self)
        return UInt128(high) &<< 64 | UInt128(low)
    }

    /// Floyd's set of ranks below `capacity` ≤ 128, in one word when it fits.
    private struct RankSet {
        private var low: UInt64 = 0
        private var high: UInt64 = 0
        private let wide: Bool

        init(capacity: Int) { wide = capacity > 64 }

        /// Adds `candidate` if absent and returns it; otherwise adds and returns `last`, which
        /// is absent (Floyd's step for the ranks 0...last).
        @inline(__always)
        mutating func insert(_ candidate: Int, orElse last: Int) -> Int {
            guard wide else {
                let taken = Int(truncatingIfNeeded: low &>> UInt64(truncatingIfNeeded: candidate)) & 1
                // Without a branch: a taken candidate is not random enough to predict.
                let rank = candidate &+ (last &- candidate) &* taken
                low |= 1 &<< UInt64(truncatingIfNeeded: rank)
                return rank
            }
            var set = UInt128(high) &<< 64 | UInt128(low)
            let taken = Int(truncatingIfNeeded: set &>> candidate) & 1
            let rank = candidate &+ (last &- candidate) &* taken
            set |= 1 &<< rank
            low = UInt64(truncatingIfNeeded: set)
            high = UInt64(truncatingIfNeeded: set &>> 64)
            return rank
        }
    }

    /// One in every byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// The top bit of every byte.
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// 64 lanes, each set independently with probability c/16 (c < 16): four random planes give
    /// each lane a 4-bit number u, and the lane is set when u < c.
    @inline(__always)
    private static func keptLanes(_ rule: KeepRule, _ generator: inout SeededRandomNumberGenerator) -> UInt64 {
        let p3 = generator.next()
        let p2 = generator.next()
        let p1 = generator.next()
        let p0 = generator.next()
        // The default (r = 30 of 70) has c = 7: u < 7 when neither the top bit nor all three others are set.
        if rule.isSeven { return ~(p3 | p2 & p1 & p0) }
        // Otherwise compare with c bit by bit from the top.
        let planes = rule.masks
        var below = ~p3 & planes.0
        var equal = p3 ^ ~planes.0
        below |= equal & ~p2 & planes.1
        equal &= p2 ^ ~planes.1
        below |= equal & ~p1 & planes.2
        equal &= p1 ^ ~planes.2
        return below | equal & ~p0 & planes.3
    }

    /// Byte i: how many bits of byte i of x are set.
    @inline(__always)
    static func byteCounts(_ x: UInt64) -> UInt64 {
        var counts = x &- ((x &>> 1) & 0x5555_5555_5555_5555)
        counts = (counts & 0x3333_3333_3333_3333) &+ ((counts &>> 2) & 0x3333_3333_3333_3333)
        return (counts &+ (counts &>> 4)) & 0x0F0F_0F0F_0F0F_0F0F
    }

    /// The position of the set bit of x with `rank` set bits below it, where byte i of `prefix`
    /// counts the set bits of bytes 0...i: the byte is the first whose count exceeds `rank`.
    @inline(__always)
    private static func select(_ x: UInt64, prefix: UInt64, rank: UInt64, table: UnsafeRawPointer) -> UInt64 {
        let above = ~((rank &* ones | highs) &- prefix) & highs
        let shift = UInt64(truncatingIfNeeded: above.trailingZeroBitCount) &- 7
        let before = ((prefix &<< 8) &>> shift) & 0xFF
        let byte = (x &>> shift) & 0xFF
        let offset = Int(truncatingIfNeeded: byte &<< 3 | (rank &- before))
        return shift &+ UInt64(table.load(fromByteOffset: offset, as: UInt8.self))
    }
}
