/// Counts equal byte strings of one buffer without making a `String` of each.
///
/// A categorical column of 100,000 rows usually has a handful of distinct values; hashing
/// each field's bytes (FNV-1a) into an open-addressing table and comparing against the first
/// occurrence keeps counting to one pass with no allocation per field. `String`s are made
/// once per distinct value at the end.
struct ByteStringCounter {
    private struct Entry {
        var start: Int
        var end: Int
        var hash: UInt64
        var count: Int
    }

    private var entries: [Entry] = []
    private var slots = [Int32](repeating: -1, count: 64)

    /// Counts bytes[start..<end].
    mutating func add(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in start..<end { hash = (hash ^ UInt64(bytes[k])) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            let entry = entries[index]
            if entry.hash == hash && entry.end - entry.start == end - start
                && (0..<(end - start)).allSatisfy({ bytes[entry.start + $0] == bytes[start + $0] })
            {
                entries[index].count += 1
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(entries.count)
        entries.append(Entry(start: start, end: end, hash: hash, count: 1))
        if entries.count * 2 > slots.count { grow() }
    }

    /// Each distinct byte string with its count.
    func counts() -> [(start: Int, end: Int, count: Int)] { entries.map { ($0.start, $0.end, $0.count) } }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
