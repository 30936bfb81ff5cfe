/// KSWIN's state when the window holds at most 128 values (River's default holds 100): the
/// window's order as one 128-bit mask, the drawn sample as a table of counts.
///
/// The window is kept twice in one buffer: as a ring in arrival order and sorted by value, with
/// a NaN on each side of the sorted values so that neighbours can be compared without bounds
/// checks. Bit k of `recent` tells whether the k-th smallest value is one of the r newest. Each
/// update finds the value that ages and the value that leaves by binary search, and moves the
/// values between the leaving one and the new one by a single `memmove`; the mask follows with
/// a few shifts.
///
/// The sample is drawn as before, r of the n − r older ranks by Floyd's algorithm, but with
/// several draws from each 64-bit word: one multiplication by the product P of their ranges
/// gives an index uniform in 0..<P (Lemire's rejection, exact), read digit by digit in the
/// mixed radix of the ranges (Brackett-Rozinsky & Lemire 2024). The drawn ranks, spread into
/// bytes and summed eight at a time, make a table of how many drawn values lie below any
/// older rank.
///
/// With r values each, the two empirical CDFs differ most just before or just after one of the
/// newest values when no two values in the window are equal: just before the i-th newest
/// (0-based), by d − i, and just after it by i + 1 − d, where d counts the drawn values below
/// it, that is the drawn ranks below the number of older values below it. So r·D is r table
/// reads. While the window holds equal values (counted in `ties`, kept as it slides), the
/// differences are taken only after the last of equal values, by a walk over the window.
struct KSWINCompactWindow: Sendable {
    /// The largest window this layout holds.
    static let maximumSize = 128

    /// The scalars that change with each update.
    private struct Counters {
        /// Bit k is set when the k-th smallest value is one of the newest.
        var recent: UInt128 = 0
        /// How many neighbours in the sorted window are equal.
        var ties = 0
        var count = 0
        /// The oldest value's slot in the ring, once full.
        var start = 0
        /// NaNs in the window (held as +∞ in the sorted part).
        var nanCount = 0
    }

    /// The fixed sizes and where each part sits in `storage`.
    private struct Layout {
        /// n, the window size.
        let size: Int
        /// r, the size of both samples.
        let statSize: Int
        /// The index of the smallest sorted value: a NaN sits just before it, and NaNs fill the
        /// 129 slots from it past the largest.
        let sortedStart: Int
        /// The byte offset of the count table: n − r + 1 bytes, padded to whole words.
        let tableOffset: Int
        /// The table's length in 8-byte words.
        let tableWords: Int
        /// The byte offset of the products of each batch's ranges.
        let productsOffset: Int
        /// The most draws taken from one 64-bit word.
        let batchSize: Int

        var olderSize: Int { size - statSize }
    }

    /// The sorted part's slots: searches read up to 128 values, `tiesAround` one more.
    private static let sortedSlots = maximumSize + 1

    private let layout: Layout
    private var counters = Counters()
    /// The ring (n values), a NaN, the sorted values (n), a NaN, then the count table and the
    /// batch products as raw 8-byte words.
    private var storage: [Double]

    /// An empty window of `windowSize` ≤ 128 values compared `statSize` at a time.
    init(windowSize: Int, statSize: Int) {
        precondition(windowSize <= Self.maximumSize && statSize >= 1 && 2 * statSize <= windowSize)
        let olderSize = windowSize - statSize
        let tableWords = (olderSize + 1 + 7) / 8
        // Each range is at most n − r < 2ᵇ; b·batchSize ≤ 48 bits keeps P ≤ 2⁴⁸, so that a word
        // is rejected with probability below 2⁻¹⁶.
        let rangeBits = Int.bitWidth - olderSize.leadingZeroBitCount
        let batchSize = max(1, 48 / rangeBits)
        var products: [UInt64] = []
        var first = 0
        while first < statSize {
            let end = min(first + batchSize, statSize)
            products.append((first..<end).reduce(1) { $0 * UInt64(olderSize - statSize + $1 + 1) })
            first = end
        }
        let tableStart = windowSize + 1 + Self.sortedSlots
        let productsStart = tableStart + tableWords
        layout = Layout(
            size: windowSize, statSize: statSize, sortedStart: windowSize + 1, tableOffset: 8 * tableStart,
            tableWords: tableWords, productsOffset: 8 * productsStart, batchSize: batchSize)
        storage = [Double](repeating: .nan, count: productsStart + products.count)
        storage.withUnsafeMutableBytes { bytes in
            for (k, product) in products.enumerated() {
                bytes.storeBytes(of: product, toByteOffset: layout.productsOffset + 8 * k, as: UInt64.self)
            }
        }
        removeAll()
    }

    /// Empties the window, keeping the storage, with NaNs past the sorted values again.
    mutating func removeAll() {
        counters = Counters()
        let sortedStart = layout.sortedStart
        storage.withUnsafeMutableBufferPointer { buffer in
            (buffer.baseAddress! + sortedStart).update(repeating: .nan, count: Self.sortedSlots)
        }
    }

    /// Slides the window by `x` and, once it is full and free of NaN, draws a sample with
    /// `generator` and tells whether r·D reaches `criticalGap`.
    mutating func update(_ x: Double, using generator: inout SeededRandomNumberGenerator, criticalGap: Int) -> Bool {
        var counters = self.counters
        let layout = self.layout
        let rejects = storage.withUnsafeMutableBufferPointer { buffer in
            let base = UnsafeMutablePointer(buffer.baseAddress!)
            guard Self.slide(x, base, layout, &counters), counters.nanCount == 0 else { return false }
            let raw = UnsafeMutableRawPointer(base)
            Self.draw(raw, layout, &generator)
            let gap =
                counters.ties == 0
                ? Self.gapWithoutTies(raw, layout, counters.recent)
                : Self.gapWithTies(raw, layout, counters.recent)
            return gap >= criticalGap
        }
        self.counters = counters
        return rejects
    }

    /// Adds `x` to the window, dropping the oldest value once full; false while it is not full.
    private static func slide(
        _ x: Double, _ base: UnsafeMutablePointer<Double>, _ layout: Layout, _ counters: inout Counters
    ) -> Bool {
        let n = layout.size
        let sorted = base + layout.sortedStart
        // NaN would break the ordering; it stands in as +∞ and is counted apart.
        let value = x.isNaN ? Double.infinity : x
        if x.isNaN { counters.nanCount += 1 }
        guard counters.count == n else {
            let count = counters.count
            base[count] = x
            let position = countBelow(sorted, value)
            (sorted + position + 1).update(from: sorted + position, count: count - position)
            sorted[position] = value
            sorted[count + 1] = .nan
            counters.ties += tiesAround(sorted, position)
            let below = lowBits(position)
            let isRecent: UInt128 = count >= layout.olderSize ? 1 : 0
            counters.recent = counters.recent & below | (counters.recent & ~below) &<< 1 | isRecent &<< position
            counters.count = count + 1
            return count + 1 == n
        }
        let start = counters.start
        let leaving = base[start]
        let movingSlot = start + layout.olderSize
        let moving = base[movingSlot < n ? movingSlot : movingSlot - n]
        base[start] = x
        counters.start = start + 1 == n ? 0 : start + 1
        if leaving.isNaN { counters.nanCount -= 1 }
        let leavingValue = leaving.isNaN ? Double.infinity : leaving
        let movingValue = moving.isNaN ? Double.infinity : moving
        // The three searches read the same sorted values and run side by side.
        let movingFirst = countBelow(sorted, movingValue)
        let leavingFirst = countBelow(sorted, leavingValue)
        let entering = countBelow(sorted, value)
        // Among equal values any newest one may age and any older one may leave.
        var recent = counters.recent
        recent &= ~(1 &<< (movingFirst + (recent &>> movingFirst).trailingZeroBitCount))
        let removed = leavingFirst + (~recent &>> leavingFirst).trailingZeroBitCount
        counters.ties -= tiesAround(sorted, removed)
        // Drop the leaving value and insert the new one, moving the values between them by one.
        let inserted = entering > removed ? entering - 1 : entering
        let low = min(removed, inserted)
        let high = max(removed, inserted)
        let source = inserted > removed ? removed + 1 : inserted
        let destination = inserted > removed ? removed : inserted + 1
        (sorted + destination).update(from: sorted + source, count: high - low)
        sorted[inserted] = value
        counters.ties += tiesAround(sorted, inserted)
        let moved = lowBits(high + 1) & ~lowBits(low)
        let shifted = inserted > removed ? recent &>> 1 : recent &<< 1
        counters.recent = recent & ~moved | shifted & moved | 1 &<< inserted
        return true
    }

    /// How many of the sorted values are below `x`: a binary search over all 128 slots (the
    /// NaNs past the values compare as large), unrolled so that each step is a conditional move
    /// rather than a branch that mispredicts half the time.
    @inline(__always)
    private static func countBelow(_ values: UnsafePointer<Double>, _ x: Double) -> Int {
        var k = 0
        k &+= values[k &+ 63] < x ? 64 : 0
        k &+= values[k &+ 31] < x ? 32 : 0
        k &+= values[k &+ 15] < x ? 16 : 0
        k &+= values[k &+ 7] < x ? 8 : 0
        k &+= values[k &+ 3] < x ? 4 : 0
        k &+= values[k &+ 1] < x ? 2 : 0
        k &+= values[k] < x ? 1 : 0
        // k counts the values below x among the first 127; the 128th counts only if they all do.
        k &+= values[k] < x ? 1 : 0
        return k
    }

    /// How many equal neighbours `values[k]` adds between `values[k − 1]` and `values[k + 1]`
    /// (the NaNs at both ends equal nothing).
    @inline(__always)
    private static func tiesAround(_ values: UnsafePointer<Double>, _ k: Int) -> Int {
        let before = values[k - 1]
        let value = values[k]
        let after = values[k + 1]
        return (before == value ? 1 : 0) + (value == after ? 1 : 0) - (before == after ? 1 : 0)
    }

    /// One in every byte.
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The bits below `k` (k ≤ 128).
    @inline(__always)
    private static func lowBits(_ k: Int) -> UInt128 {
        k >= 128 ? .max : (1 &<< k) &- 1
    }

    /// Draws r of the n − r older ranks by Floyd's algorithm (Bentley & Floyd 1987), as bits of
    /// two registers, then writes the table: byte t counts the drawn ranks below t.
    private static func draw(
        _ raw: UnsafeMutableRawPointer, _ layout: Layout, _ generator: inout SeededRandomNumberGenerator
    ) {
        let table = raw + layout.tableOffset
        let population = layout.olderSize
        var batch = 0
        var first = 0
        var low: UInt64 = 0
        var high: UInt64 = 0
        while first < layout.statSize {
            let end = min(first + layout.batchSize, layout.statSize)
            let product = raw.load(fromByteOffset: layout.productsOffset + 8 * batch, as: UInt64.self)
            // word·P = I·2⁶⁴ + rest with I uniform in 0..<P once the rests below 2⁶⁴ mod P are
            // rejected (Lemire 2019); I's digits in the radix of the ranges are independent draws.
            var word = generator.next()
            if word &* product < product {
                let threshold = (0 &- product) % product
                while word &* product < threshold { word = generator.next() }
            }
            for k in first..<end {
                let j = population &- layout.statSize &+ k
                let (t, rest) = word.multipliedFullWidth(by: UInt64(j &+ 1))
                word = rest
                let drawn = Int(truncatingIfNeeded: t)
                let drawnLow: UInt64 = drawn < 64 ? 1 &<< drawn : 0
                let drawnHigh: UInt64 = drawn < 64 ? 0 : 1 &<< drawn
                let lastLow: UInt64 = j < 64 ? 1 &<< j : 0
                let lastHigh: UInt64 = j < 64 ? 0 : 1 &<< j
                let taken = low & drawnLow | high & drawnHigh != 0
                low |= taken ? lastLow : drawnLow
                high |= taken ? lastHigh : drawnHigh
            }
            first = end
            batch += 1
        }
        // The table eight bytes at a time, from the ranks' bits shifted by one: each byte of
        // `ones` gets the whole 8 bits, keeps its own one and turns it into 0 or 1; multiplying
        // by 0x0101… then adds every byte into the bytes above it (none exceeds 8, nor with the
        // carried count 128, so no byte carries into the next).
        let shiftedRanks = (UInt128(high) &<< 64 | UInt128(low)) &<< 1
        var carried: UInt64 = 0
        for w in 0..<layout.tableWords {
            let bits = UInt64(truncatingIfNeeded: shiftedRanks &>> (8 &* w)) & 0xFF
            let own = (bits &* ones) & 0x8040_2010_0804_0201
            let flags = ((own &+ 0x7F7F_7F7F_7F7F_7F7F) &>> 7) & ones
            let sums = flags &* ones
            table.storeBytes(of: (sums &+ carried &* ones).littleEndian, toByteOffset: 8 * w, as: UInt64.self)
            carried &+= sums &>> 56
        }
    }

    /// r·D when no two values are equal: the largest d − i and i + 1 − d over the newest values,
    /// the i-th of which is at position p in the sorted window with p − i older values below.
    private static func gapWithoutTies(_ raw: UnsafeMutableRawPointer, _ layout: Layout, _ recent: UInt128) -> Int {
        let table = UnsafeRawPointer(raw + layout.tableOffset)
        var remaining = recent
        var above = 0
        var below = 0
        for i in 0..<layout.statSize {
            let position = remaining.trailingZeroBitCount
            remaining &= remaining &- 1
            let drawn = Int(table.load(fromByteOffset: position &- i, as: UInt8.self))
            above = max(above, drawn &- i)
            below = max(below, i &+ 1 &- drawn)
        }
        return max(above, below)
    }

    /// r·D in general: the largest |d − j| over the sorted window after each value that is
    /// followed by a larger one (scipy's `searchsorted(side="right")`), where d counts the drawn
    /// values and j the newest values so far. The walk ends before the last value, where both
    /// counts are r.
    private static func gapWithTies(_ raw: UnsafeMutableRawPointer, _ layout: Layout, _ recent: UInt128) -> Int {
        let table = UnsafeRawPointer(raw + layout.tableOffset)
        let sorted = UnsafePointer(raw.assumingMemoryBound(to: Double.self)) + layout.sortedStart
        var recentSeen = 0
        var highest = 0
        var lowest = 0
        for k in 0..<(layout.size - 1) {
            recentSeen += Int(truncatingIfNeeded: recent &>> k) & 1
            if sorted[k] != sorted[k + 1] {
                let difference = Int(table.load(fromByteOffset: k + 1 - recentSeen, as: UInt8.self)) - recentSeen
                highest = max(highest, difference)
                lowest = min(lowest, difference)
            }
        }
        return max(highest, -lowest)
    }

    /// The newest values and the sample drawn for the last test, each sorted, read back from
    /// the sorted window, its mask and the count table; for tests.
    var lastSamples: (recent: [Double], drawn: [Double]) {
        let layout = self.layout
        let recent = counters.recent
        return storage.withUnsafeBytes { bytes in
            var newest: [Double] = []
            var drawn: [Double] = []
            var olderSeen = 0
            for k in 0..<counters.count {
                let value = bytes.load(fromByteOffset: 8 * (layout.sortedStart + k), as: Double.self)
                if (recent >> k) & 1 == 1 {
                    newest.append(value)
                } else {
                    let below = bytes.load(fromByteOffset: layout.tableOffset + olderSeen, as: UInt8.self)
                    let through = bytes.load(fromByteOffset: layout.tableOffset + olderSeen + 1, as: UInt8.self)
                    if through > below { drawn.append(value) }
                    olderSeen += 1
                }
            }
            return (newest, drawn)
        }
    }
}
