/// Reads r·D off two masks over KSWIN's sorted window: W, the drawn sample, and R, the r newest
/// values. Both samples hold r values, so r·D is the largest |#W − #R| over the prefixes of the
/// window that end where a value is followed by a larger one (scipy's
/// `searchsorted(side="right")`).
///
/// When no two values are equal every prefix counts, and the test runs eight positions at a
/// time. A table gives, for a byte of a mask, its eight running counts in one word, one per
/// byte. Adding 64 plus #W − #R before the block and subtracting R's counts from W's, byte k of
/// the word holds 64 + #W − #R up to position 8·block + k; with at most 55 positions in each
/// mask it stays within 1...127, so no byte ever carries into the next, and two more additions
/// set a byte's top bit when the difference reaches ±criticalGap.
///
/// Most tests are settled before that: within a block, #W − #R moves by at most the block's
/// counts, so bounds for all 16 blocks come from the two masks' byte counts at once (`Blocks`).
enum KSWINPrefixGap {
    /// The bytes of the table `rejects` reads: word b holds the running counts of the byte b.
    static let prefixTableSize = 256 * 8
    /// The scratch bytes `rejects` needs.
    static let scratchSize = 48

    /// Writes the table of running counts at `table`.
    static func writePrefixTable(to table: UnsafeMutableRawPointer) {
        for byte in 0..<256 {
            var counts: UInt64 = 0
            var count: UInt64 = 0
            for bit in 0..<8 {
                count += UInt64((byte >> bit) & 1)
                counts |= count << (8 * UInt64(bit))
            }
            table.storeBytes(of: counts, toByteOffset: 8 * byte, as: UInt64.self)
        }
    }

    private static let ones = KSWINSampler.ones
    /// Byte k holds 8·k.
    private static let laneOffsets: UInt64 = 0x3830_2820_1810_0800

    /// #W − #R before each block of 8 positions, and each block's counts: what bounds the
    /// differences inside the block.
    struct Blocks {
        let drawnCounts: (low: UInt64, high: UInt64)
        let recentCounts: (low: UInt64, high: UInt64)
        /// Byte b: 64 + #W − #R before block b.
        let before: (low: UInt64, high: UInt64)

        /// The blocks of W and R, each of at most 55 positions (so that no byte leaves 0...127).
        @inline(__always)
        init(drawn: UInt128, recent: UInt128) {
            drawnCounts = (
                KSWINSampler.byteCounts(UInt64(truncatingIfNeeded: drawn)),
                KSWINSampler.byteCounts(UInt64(truncatingIfNeeded: drawn &>> 64))
            )
            recentCounts = (
                KSWINSampler.byteCounts(UInt64(truncatingIfNeeded: recent)),
                KSWINSampler.byteCounts(UInt64(truncatingIfNeeded: recent &>> 64))
            )
            // All blocks at once, so that they do not wait for one another; each block's
            // #W − #R is kept positive by adding 8.
            let runningLow = (drawnCounts.low &+ 8 &* ones &- recentCounts.low) &* ones
            let runningHigh = (drawnCounts.high &+ 8 &* ones &- recentCounts.high) &* ones
            let lowDifference = (runningLow &>> 56) &- 64
            before = (
                (runningLow &<< 8) &+ 64 &* ones &- laneOffsets,
                (runningHigh &<< 8) &+ (64 &+ lowDifference) &* ones &- laneOffsets
            )
        }

        /// Whether #W − #R may reach `above` or #R − #W reach `below` (both 1...64) on some
        /// prefix. Within a block #W − #R moves up by at most the block's drawn count and down
        /// by at most its newest count: when neither bound reaches in any block, no prefix does.
        @inline(__always)
        func mayReach(above: Int, below: Int) -> Bool {
            let reachesAbove = (64 &- UInt64(truncatingIfNeeded: above)) &* ones
            let reachesBelow = (64 &- UInt64(truncatingIfNeeded: below)) &* ones
            let bounds =
                (before.low &+ drawnCounts.low &+ reachesAbove)
                | ((128 &* ones &- before.low) &+ recentCounts.low &+ reachesBelow)
                | (before.high &+ drawnCounts.high &+ reachesAbove)
                | ((128 &* ones &- before.high) &+ recentCounts.high &+ reachesBelow)
            return bounds & KSWINSampler.highs != 0
        }
    }

    /// Whether some r-subset W obtained from `kept` (k ≠ r positions, k and r ≤ 55) may have
    /// |#W − #R| reach `gap` (|k − r| < gap ≤ r). Dropping k − r of the kept positions can only
    /// lower #W − #R on any prefix, and by at most k − r; adding r − k can only raise it, by at
    /// most r − k: so when the kept positions stay that far from the gap, no such W reaches it.
    @inline(__always)
    static func someCompletionMayReach(
        _ gap: Int, kept: UInt128, count k: Int, recent: UInt128, statSize r: Int
    ) -> Bool {
        let blocks = Blocks(drawn: kept, recent: recent)
        let slack = k &- r
        return slack > 0
            ? blocks.mayReach(above: gap, below: gap &- slack) : blocks.mayReach(above: gap &+ slack, below: gap)
    }

    /// Whether |#W − #R| reaches `criticalGap` (1...64) on some prefix of the first `size`
    /// positions, when no two values are equal.
    @inline(__always)
    static func rejects(
        drawn: UInt128, recent: UInt128, size: Int, criticalGap: Int, prefixTable: UnsafeRawPointer,
        scratch: UnsafeMutableRawPointer
    ) -> Bool {
        let blocks = Blocks(drawn: drawn, recent: recent)
        // Usually, without drift, the blocks' bounds settle it.
        guard blocks.mayReach(above: criticalGap, below: criticalGap) else { return false }
        scratch.storeBytes(of: drawn.littleEndian, toByteOffset: 0, as: UInt128.self)
        scratch.storeBytes(of: recent.littleEndian, toByteOffset: 16, as: UInt128.self)
        scratch.storeBytes(of: blocks.before.low.littleEndian, toByteOffset: 32, as: UInt64.self)
        scratch.storeBytes(of: blocks.before.high.littleEndian, toByteOffset: 40, as: UInt64.self)
        let gap = UInt64(truncatingIfNeeded: criticalGap)
        let reachesAbove = (64 &- gap) &* ones
        let reachesBelow = (192 &- gap) &* ones
        var flags: UInt64 = 0
        for block in 0..<((size &+ 7) &>> 3) {
            let drawnByte = Int(truncatingIfNeeded: scratch.load(fromByteOffset: block, as: UInt8.self))
            let recentByte = Int(truncatingIfNeeded: scratch.load(fromByteOffset: 16 &+ block, as: UInt8.self))
            let before = UInt64(truncatingIfNeeded: scratch.load(fromByteOffset: 32 &+ block, as: UInt8.self))
            let difference =
                before &* ones &+ prefixTable.load(fromByteOffset: drawnByte &<< 3, as: UInt64.self)
                &- prefixTable.load(fromByteOffset: recentByte &<< 3, as: UInt64.self)
            flags |= (difference &+ reachesAbove) | (reachesBelow &- difference)
        }
        return flags & KSWINSampler.highs != 0
    }

    /// r·D in general: the largest |#W − #R| over the prefixes that end before a larger value,
    /// walking the keys of the `size` sorted values (equal keys for equal values). The walk ends
    /// before the last value, where both counts are r.
    static func largestGap(drawn: UInt128, recent: UInt128, sorted: UnsafePointer<UInt64>, size: Int) -> Int {
        var difference = 0
        var highest = 0
        var lowest = 0
        for k in 0..<(size - 1) {
            difference += Int(truncatingIfNeeded: drawn >> k) & 1 - Int(truncatingIfNeeded: recent >> k) & 1
            if sorted[k] != sorted[k + 1] {
                highest = max(highest, difference)
                lowest = min(lowest, difference)
            }
        }
        return max(highest, -lowest)
    }
}
