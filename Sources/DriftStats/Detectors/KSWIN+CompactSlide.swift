/// How KSWIN's compact window slides.
///
/// The sorted keys change one update late: the searches read them as they were before the
/// previous update, whose change (one key out, one in) two comparisons count into each result;
/// only then is that change moved into place. So the searches never wait for the previous
/// update's `memmove`, and only the masks carry from one update to the next.
extension KSWINCompactWindow {
    /// Where the values that change in a full window's slide go among the sorted keys: how many
    /// lie below the value that ages, the one that leaves and the new one, with their keys.
    struct Places {
        var moving = 0
        var leaving = 0
        var entering = 0
        var key: UInt64 = 0
        var leavingKey: UInt64 = 0
    }

    /// What sliding a full window did, in the sorted positions before the slide: the newest value
    /// at `aged` became an older one, the value at `removed` left, and the new value went to
    /// `inserted` (a position once `removed` is gone). `moved` covers the positions whose values
    /// move by one.
    struct Change {
        var aged = 0
        var removed = 0
        var inserted = 0
        var moved: UInt128 = 0
    }

    /// Adds `x` to a window that is not full; true once it is.
    static func fill(
        _ x: Double, _ base: UnsafeMutablePointer<UInt64>, _ layout: Layout, _ masks: UnsafeRawPointer,
        _ counters: inout Counters
    ) -> Bool {
        let sorted = base + Offsets.sorted
        let key = KSWINSortedKeys.key(x)
        if x.isNaN { counters.nanCount += 1 }
        let count = counters.count
        base[count] = x.bitPattern
        let position = KSWINSortedKeys.countBelowAll(sorted, key)
        (sorted + position + 1).update(from: sorted + position, count: count - position)
        sorted[position] = key
        counters.ties += KSWINSortedKeys.tiesAround(sorted, position)
        let below = KSWINMasks.below(position, masks)
        let isRecent: UInt128 = count >= layout.olderSize ? 1 : 0
        counters.recent = counters.recent & below | (counters.recent & ~below) &<< 1 | isRecent &<< position
        counters.count = count + 1
        return count + 1 == layout.size
    }

    /// Moves `x` into the ring of a full window in place of the oldest value and finds the
    /// places of the values that change; then makes the last update's change in the sorted keys.
    @inline(__always)
    static func search(
        _ x: Double, _ base: UnsafeMutablePointer<UInt64>, _ layout: Layout, _ counters: inout Counters
    ) -> Places {
        let n = layout.size
        let sorted = base + Offsets.sorted
        // x != x is NaN, in one comparison.
        if x != x { counters.nanCount += 1 }
        let start = counters.start
        let leaving = Double(bitPattern: base[start])
        let movingSlot = start &+ layout.olderSize
        let moving = Double(bitPattern: base[movingSlot < n ? movingSlot : movingSlot &- n])
        base[start] = x.bitPattern
        counters.start = start &+ 1 == n ? 0 : start &+ 1
        if leaving != leaving { counters.nanCount -= 1 }
        var places = Places(key: KSWINSortedKeys.key(x), leavingKey: KSWINSortedKeys.key(leaving))
        let movingKey = KSWINSortedKeys.key(moving)
        // The three searches read the same keys and run side by side.
        if n < maximumSize {
            places.moving = KSWINSortedKeys.countBelow(sorted, movingKey)
            places.leaving = KSWINSortedKeys.countBelow(sorted, places.leavingKey)
            places.entering = KSWINSortedKeys.countBelow(sorted, places.key)
        } else {
            places.moving = KSWINSortedKeys.countBelowAll(sorted, movingKey)
            places.leaving = KSWINSortedKeys.countBelowAll(sorted, places.leavingKey)
            places.entering = KSWINSortedKeys.countBelowAll(sorted, places.key)
        }
        if counters.hasPending {
            let added = counters.pendingAdded
            let removed = counters.pendingRemovedKey
            places.moving &+= countChange(added, removed, below: movingKey)
            places.leaving &+= countChange(added, removed, below: places.leavingKey)
            places.entering &+= countChange(added, removed, below: places.key)
            applyPending(sorted, &counters)
        }
        return places
    }

    /// Completes a full window's slide from the places found: moves the newest mask and the
    /// count of ties, and leaves this change for the next update to make in the sorted keys.
    @inline(__always)
    static func slide(
        from places: Places, _ base: UnsafeMutablePointer<UInt64>, _ masks: UnsafeRawPointer,
        _ counters: inout Counters
    ) -> Change {
        let sorted = base + Offsets.sorted
        var change = Change()
        var recent = counters.recent
        if counters.ties == 0 {
            // Without equal values, each lies exactly where its search ended.
            change.aged = places.moving
            recent ^= KSWINMasks.bit(places.moving, masks)
            change.removed = places.leaving
        } else {
            // Among equal values any newest one may age and any older one may leave.
            let fromMoving = recent & ~KSWINMasks.below(places.moving, masks)
            let agedBit = fromMoving & (0 &- fromMoving)
            change.aged = agedBit.trailingZeroBitCount
            recent ^= agedBit
            change.removed = (~recent & ~KSWINMasks.below(places.leaving, masks)).trailingZeroBitCount
        }
        let removed = change.removed
        counters.ties &-= KSWINSortedKeys.tiesAround(sorted, removed)
        let inserted = places.entering > removed ? places.entering &- 1 : places.entering
        change.inserted = inserted
        // The new value's neighbours once the change is made, read where they are now.
        let key = places.key
        let before = sorted[inserted &- 1 < removed ? inserted &- 1 : inserted]
        let after = sorted[inserted < removed ? inserted : inserted &+ 1]
        counters.ties &+= (before == key ? 1 : 0) &+ (key == after ? 1 : 0) &- (before == after ? 1 : 0)
        counters.hasPending = true
        counters.pendingRemoved = removed
        counters.pendingInserted = inserted
        counters.pendingAdded = key
        counters.pendingRemovedKey = places.leavingKey
        // The newest flags move with their values between the two places.
        change.moved =
            KSWINMasks.below(max(removed, inserted) &+ 1, masks) & ~KSWINMasks.below(min(removed, inserted), masks)
        let shifted = inserted > removed ? recent &>> 1 : recent &<< 1
        counters.recent = (recent ^ ((recent ^ shifted) & change.moved)) | KSWINMasks.bit(inserted, masks)
        return change
    }

    /// A mask over the older positions before a slide, moved to the positions after it: the
    /// leaving value's bit goes to the value that aged (a uniform r-subset of the older values
    /// before, so changed, is a uniform r-subset of those after), then the values between the
    /// removed place and the new one's shift by one.
    @inline(__always)
    static func follow(_ mask: UInt128, _ change: Change, _ masks: UnsafeRawPointer) -> UInt128 {
        let removedBit = KSWINMasks.bit(change.removed, masks)
        let removedSet: UInt128 = mask & removedBit == 0 ? 0 : .max
        let relabelled = mask & ~removedBit | removedSet & KSWINMasks.bit(change.aged, masks)
        let shifted = change.inserted > change.removed ? relabelled &>> 1 : relabelled &<< 1
        return (relabelled ^ ((relabelled ^ shifted) & change.moved)) & ~KSWINMasks.bit(change.inserted, masks)
    }

    /// How the count of keys below `key` changes once `added` is added and `removed` removed.
    @inline(__always)
    private static func countChange(_ added: UInt64, _ removed: UInt64, below key: UInt64) -> Int {
        (added < key ? 1 : 0) &- (removed < key ? 1 : 0)
    }

    /// Makes the last update's change in the sorted keys: the keys between the removed one's
    /// place and the new one's move by one.
    @inline(__always)
    static func applyPending(_ sorted: UnsafeMutablePointer<UInt64>, _ counters: inout Counters) {
        guard counters.hasPending else { return }
        let removed = counters.pendingRemoved
        let inserted = counters.pendingInserted
        let up = inserted < removed
        (sorted + (up ? inserted &+ 1 : removed)).update(
            from: sorted + (up ? inserted : removed &+ 1), count: up ? removed &- inserted : inserted &- removed)
        sorted[inserted] = counters.pendingAdded
        counters.hasPending = false
    }
}
