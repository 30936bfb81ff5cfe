/// The permutation that sorts finite doubles ascending, tied values in index order
/// (`numpy.argsort(kind="stable")`), in O(n).
///
/// Calibration and the sampling-error components sort references of 10⁵ rows a dozen times;
/// a comparison sort of indices costs far more than the least-significant-digit radix sort
/// of ``RadixSort`` carrying the indices along, which is stable pass by pass. Zero and
/// negative zero are keyed alike so that they tie, as numpy compares them.
enum RadixArgsort {
    /// Below this, the standard library's sort is faster.
    static let threshold = 256

    static func argsort(_ values: [Double]) -> [Int] {
        let n = values.count
        guard n > threshold else {
            return values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        }
        var keys = values.map { orderedBits($0 == 0 ? 0 : $0) }
        var order = Array(0..<n)
        var scratchKeys = [UInt64](repeating: 0, count: n)
        var scratchOrder = [Int](repeating: 0, count: n)
        let digitBits: UInt64 = 11
        let buckets = 1 << digitBits
        let mask = UInt64(buckets - 1)
        var counts = [Int](repeating: 0, count: buckets * 6)
        for key in keys {
            var k = key
            for pass in 0..<6 {
                counts[pass * buckets + Int(k & mask)] += 1
                k >>= digitBits
            }
        }
        for pass in 0..<6 {
            let base = pass * buckets
            // A digit shared by every key leaves the order unchanged.
            if counts[base..<(base + buckets)].contains(n) { continue }
            var offset = 0
            for b in 0..<buckets {
                let count = counts[base + b]
                counts[base + b] = offset
                offset += count
            }
            let shift = UInt64(pass) * digitBits
            keys.withUnsafeBufferPointer { keys in
                order.withUnsafeBufferPointer { order in
                    scratchKeys.withUnsafeMutableBufferPointer { scratchKeys in
                        scratchOrder.withUnsafeMutableBufferPointer { scratchOrder in
                            counts.withUnsafeMutableBufferPointer { counts in
                                for i in 0..<n {
                                    let slot = base + Int((keys[i] >> shift) & mask)
                                    scratchKeys[counts[slot]] = keys[i]
                                    scratchOrder[counts[slot]] = order[i]
                                    counts[slot] += 1
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &scratchKeys)
            swap(&order, &scratchOrder)
        }
        return order
    }

    /// The indices that sort pairs by x, then y, then index (`numpy.lexsort((y, x))`).
    static func lexsort(_ x: [Double], _ y: [Double]) -> [Int] {
        let byY = argsort(y)
        return argsort(byY.map { x[$0] }).map { byY[$0] }
    }

    /// Maps a double to an unsigned integer with the same order.
    private static func orderedBits(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }
}
