/// The sorted part of KSWIN's compact window: one integer key per value, in ascending order,
/// bounded by `belowAll` before the first and `aboveAll` in every slot past the last.
///
/// A key orders as its value does, so that a binary search step is an integer comparison and a
/// conditional move, shorter than a floating-point comparison, and equal values have equal keys.
enum KSWINSortedKeys {
    /// Bounds of the sorted keys, which no value's key equals.
    static let belowAll: UInt64 = 0
    static let aboveAll: UInt64 = .max

    /// An integer that orders as `x` does among doubles, NaN standing in as +∞ (the window
    /// counts NaNs apart) and −0 as +0 (they are equal): with the sign bit flipped for positive
    /// values and every bit flipped for negative ones, unsigned order is numeric order.
    @inline(__always)
    static func key(_ x: Double) -> UInt64 {
        let bits = x != x ? Double.infinity.bitPattern : (x + 0.0).bitPattern
        let negative = UInt64(bitPattern: Int64(bitPattern: bits) &>> 63)
        return bits ^ (negative | 0x8000_0000_0000_0000)
    }

    /// The value whose key is `key`.
    static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & 0x8000_0000_0000_0000 != 0 ? key ^ 0x8000_0000_0000_0000 : ~key)
    }

    /// How many of the sorted keys are below `key` when there are at most 127: a binary search
    /// over 127 slots (`aboveAll` past the keys compares as large), unrolled so that each step
    /// is a conditional move rather than a branch that mispredicts half the time. Not inlined:
    /// inside a larger function the compiler turns some steps back into branches.
    @inline(never)
    static func countBelow(_ keys: UnsafePointer<UInt64>, _ key: UInt64) -> Int {
        var k = 0
        k = keys[k &+ 63] < key ? k &+ 64 : k
        k = keys[k &+ 31] < key ? k &+ 32 : k
        k = keys[k &+ 15] < key ? k &+ 16 : k
        k = keys[k &+ 7] < key ? k &+ 8 : k
        k = keys[k &+ 3] < key ? k &+ 4 : k
        k = keys[k &+ 1] < key ? k &+ 2 : k
        k = keys[k] < key ? k &+ 1 : k
        return k
    }

    /// The same over 128 slots: the 128th key counts only if the first 127 all do.
    @inline(never)
    static func countBelowAll(_ keys: UnsafePointer<UInt64>, _ key: UInt64) -> Int {
        let k = countBelow(keys, key)
        return keys[k] < key ? k &+ 1 : k
    }

    /// How many pairs of equal neighbours `keys[k]` adds between `keys[k − 1]` and `keys[k + 1]`
    /// (the bounds equal nothing).
    @inline(__always)
    static func tiesAround(_ keys: UnsafePointer<UInt64>, _ k: Int) -> Int {
        let before = keys[k &- 1]
        let key = keys[k]
        let after = keys[k &+ 1]
        return (before == key ? 1 : 0) &+ (key == after ? 1 : 0) &- (before == after ? 1 : 0)
    }
}
