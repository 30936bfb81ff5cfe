/// KSWIN's state when the window holds at most 128 values (River's default holds 100): the
/// window sorted, with a 128-bit mask telling which sorted values are the r newest.
///
/// The window is kept twice in one buffer: as a ring in arrival order, and sorted as
/// ``KSWINSortedKeys``. Bit k of `recent` tells whether the k-th smallest value is one of the r
/// newest. Each update finds the places of the value that ages, the value that leaves and the
/// new value by binary search (``slide(from:_:_:_:)``), and moves the masks accordingly.
///
/// Each test's sample is drawn as a mask over the same positions (``KSWINSampler``), among the
/// older values as they were before the slide, so that drawing need not wait for the searches,
/// and then moved with them (``follow(_:_:_:)``). The test is read off the two masks
/// (``KSWINPrefixGap``); while the window holds equal values (counted in `ties`, kept as it
/// slides), the sorted keys are walked instead.
struct KSWINCompactWindow: Sendable {
    /// The largest window this layout holds.
    static let maximumSize = 128
    /// The largest r for which ``KSWINPrefixGap`` reads the masks eight positions at a time.
    static let largestBlockedSize = 55

    /// The state that changes with each update.
    struct Counters {
        /// Bit k is set when the k-th smallest value is one of the newest.
        var recent: UInt128 = 0
        /// The sample drawn by the last test, as a mask over the same positions.
        var drawn: UInt128 = 0
        /// How many neighbours in the sorted window are equal.
        var ties = 0
        var count = 0
        /// The oldest value's slot in the ring, once full.
        var start = 0
        /// NaNs in the window (keyed as +∞).
        var nanCount = 0
        /// Whether the sorted keys still lack the last update's change: remove the key at
        /// `pendingRemoved`, then put `pendingAdded` at `pendingInserted`.
        var hasPending = false
        var pendingRemoved = 0
        var pendingInserted = 0
        var pendingAdded: UInt64 = 0
        var pendingRemovedKey: UInt64 = 0
    }

    /// The fixed sizes.
    struct Layout {
        /// n, the window size.
        let size: Int
        /// r, the size of both samples.
        let statSize: Int
        let keepRule: KSWINSampler.KeepRule

        var olderSize: Int { size - statSize }
    }

    /// Where each part sits in `storage`, the same for every window size so that no offset has
    /// to be read: the ring (values as bit patterns), `belowAll`, the sorted keys, then tables
    /// and scratch space.
    enum Offsets {
        /// The index of the smallest sorted key.
        static let sorted = maximumSize + 1
        /// The sorted part's slots: searches read up to 128 keys, `tiesAround` one more.
        static let sortedSlots = maximumSize + 1
        /// Byte offsets of ``KSWINMasks``'s, ``KSWINSampler``'s and ``KSWINPrefixGap``'s tables,
        /// and of scratch space.
        static let masks = 8 * (sorted + sortedSlots)
        static let select = masks + KSWINMasks.tablesSize
        static let prefix = select + KSWINSampler.selectTableSize
        static let scratch = prefix + KSWINPrefixGap.prefixTableSize
        static let words = (scratch + max(KSWINPrefixGap.scratchSize, KSWINSampler.scratchSize)) / 8
    }

    private let layout: Layout
    private var counters = Counters()
    private var storage: [UInt64]

    /// Whether each test completes its sample even when the first pass settles the decision,
    /// so that `lastSamples` holds it; for tests.
    var completesSamples = false

    /// An empty window of `windowSize` ≤ 128 values compared `statSize` at a time.
    init(windowSize: Int, statSize: Int) {
        precondition(windowSize <= Self.maximumSize && statSize >= 1 && 2 * statSize <= windowSize)
        layout = Layout(
            size: windowSize, statSize: statSize,
            keepRule: KSWINSampler.KeepRule(statSize: statSize, olderSize: windowSize - statSize))
        storage = [UInt64](repeating: KSWINSortedKeys.aboveAll, count: Offsets.words)
        storage[Offsets.sorted - 1] = KSWINSortedKeys.belowAll
        storage.withUnsafeMutableBytes { bytes in
            let raw = bytes.baseAddress!
            KSWINMasks.writeTables(to: raw + Offsets.masks)
            KSWINSampler.writeSelectTable(to: raw + Offsets.select)
            KSWINPrefixGap.writePrefixTable(to: raw + Offsets.prefix)
        }
    }

    /// A placeholder that holds nothing, for detectors whose window is larger.
    init() {
        layout = Layout(size: 0, statSize: 0, keepRule: KSWINSampler.KeepRule(statSize: 1, olderSize: 1))
        storage = []
    }

    /// Empties the window, keeping the storage and its tables.
    mutating func removeAll() {
        counters = Counters()
        storage.withUnsafeMutableBufferPointer { buffer in
            (buffer.baseAddress! + Offsets.sorted).update(
                repeating: KSWINSortedKeys.aboveAll, count: Offsets.sortedSlots)
        }
    }

    /// Slides the window by `x` and, once it is full and free of NaN, draws a sample with
    /// `generator` and tells whether r·D reaches `criticalGap` (1...r + 1).
    mutating func update(_ x: Double, using generator: inout SeededRandomNumberGenerator, criticalGap: Int) -> Bool {
        let layout = self.layout
        let r = layout.statSize
        // The gap the first pass is tested against (below), or 0 when it is not: the bounds need
        // r ≤ 55 and a gap that some sample reaches.
        let shortcutGap = completesSamples || criticalGap > r || r > Self.largestBlockedSize ? 0 : criticalGap
        return storage.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            let raw = UnsafeMutableRawPointer(base)
            let masks = UnsafeRawPointer(raw + Offsets.masks)
            let selectTable = UnsafeRawPointer(raw + Offsets.select)
            let scratch = raw + Offsets.scratch
            let window = KSWINMasks.below(layout.size, masks)
            var drawn: UInt128
            if counters.count < layout.size {
                guard Self.fill(x, base, layout, masks, &counters), counters.nanCount == 0 else { return false }
                drawn = KSWINSampler.draw(
                    from: ~counters.recent & window, count: r, rule: layout.keepRule, selectTable: selectTable,
                    scratch: scratch, using: &generator)
            } else {
                let leaving = Double(bitPattern: base[counters.start])
                let testing = counters.nanCount &+ (x != x ? 1 : 0) &- (leaving != leaving ? 1 : 0) == 0
                let olderBefore = ~counters.recent & window
                let places = Self.search(x, base, layout, &counters)
                // The first pass runs while the searches wait for memory.
                let kept =
                    testing
                    ? KSWINSampler.keep(from: olderBefore, rule: layout.keepRule, using: &generator)
                    : KSWINSampler.Kept(mask: 0, count: 0)
                let change = Self.slide(from: places, base, masks, &counters)
                guard testing else { return false }
                // Usually, without drift, the first pass settles the decision and the second
                // pass is not drawn: skipping those draws changes no decision's distribution, as
                // each test still uses fresh random numbers.
                if kept.count != r && abs(kept.count &- r) < shortcutGap && kept.count <= Self.largestBlockedSize
                    && !KSWINPrefixGap.someCompletionMayReach(
                        criticalGap, kept: Self.follow(kept.mask, change, masks), count: kept.count,
                        recent: counters.recent, statSize: r)
                {
                    return false
                }
                let completed = KSWINSampler.complete(
                    kept, from: olderBefore, count: r, selectTable: selectTable, scratch: scratch,
                    using: &generator)
                drawn = Self.follow(completed, change, masks)
            }
            counters.drawn = drawn
            // When r is too small for α, no gap rejects (`criticalGap` is r + 1).
            guard criticalGap <= r else { return false }
            guard counters.ties > 0 || r > Self.largestBlockedSize else {
                return KSWINPrefixGap.rejects(
                    drawn: drawn, recent: counters.recent, size: layout.size, criticalGap: criticalGap,
                    prefixTable: UnsafeRawPointer(raw + Offsets.prefix), scratch: scratch)
            }
            let sorted = base + Offsets.sorted
            Self.applyPending(sorted, &counters)
            return KSWINPrefixGap.largestGap(drawn: drawn, recent: counters.recent, sorted: sorted, size: layout.size)
                >= criticalGap
        }
    }

    /// The window's values in ascending order (NaN as +∞, −0 as +0), read off the sorted keys
    /// with the last update's change made; for tests.
    var sortedValues: [Double] {
        var counters = self.counters
        var keys = storage[(Offsets.sorted - 1)..<(Offsets.sorted + Offsets.sortedSlots)].map { $0 }
        keys.withUnsafeMutableBufferPointer { Self.applyPending($0.baseAddress! + 1, &counters) }
        return keys[1..<(1 + counters.count)].map(KSWINSortedKeys.value)
    }

    /// The newest values and the sample drawn for the last test, each sorted; for tests.
    var lastSamples: (recent: [Double], drawn: [Double]) {
        let window = sortedValues
        var newest: [Double] = []
        var drawn: [Double] = []
        for (k, value) in window.enumerated() {
            if (counters.recent >> k) & 1 == 1 { newest.append(value) }
            if (counters.drawn >> k) & 1 == 1 { drawn.append(value) }
        }
        return (newest, drawn)
    }
}
