/// Count, mean, central moments M₂…M₄, minimum and maximum of a stream, mergeable.
///
/// One value at a time uses Welford's update extended to the third and fourth moments
/// (Terriberry 2007); ``add(contentsOf:)`` takes blocks of 1,024 values, computes each
/// block's moments in two passes around the block mean, and folds the block in with the
/// pairwise formulas of Chan, Golub & LeVeque (1979) as extended by Pébay (2008), which
/// ``merge(_:)`` also uses. Neither form subtracts two large sums, so the moments keep a
/// relative error of a small multiple of ε·|mean|/σ (ε = 2⁻⁵²), the limit the data's own
/// rounding sets, where the textbook Σx² − n·mean² loses all digits once mean²/σ² passes 1/ε.
///
/// Error: count, minimum and maximum are exact, and merging is exactly associative and
/// commutative for them. The moments are rounded: merging in any grouping agrees to the same
/// relative error (tested at 10⁻¹⁰ for the variance), and swapping the operands gives the
/// same bits, since they are put in a canonical order first. Measured against a compensated
/// two-pass reference on 10⁶ values with mean 10⁹ and σ = 1: variance 2·10⁻⁸ relative,
/// skewness and kurtosis within 10⁻⁶.
/// NaN and infinities are missing values, as in ``SortedSample``: counted, not summed.
public struct MomentsSketch: Sendable, Hashable {
    /// How many finite values were added.
    public private(set) var count = 0
    /// How many missing values (NaN or infinite) were skipped.
    public private(set) var missing = 0
    private(set) var runningMean = 0.0
    /// Σ (x − mean)².
    private(set) var m2 = 0.0
    /// Σ (x − mean)³.
    private(set) var m3 = 0.0
    /// Σ (x − mean)⁴.
    private(set) var m4 = 0.0
    private(set) var smallest = Double.infinity
    private(set) var largest = -Double.infinity

    /// Creates an empty sketch.
    public init() {}

    /// Assembles a sketch from checked parts.
    init(
        count: Int, missing: Int, mean: Double, m2: Double, m3: Double, m4: Double, smallest: Double,
        largest: Double
    ) {
        self.count = count
        self.missing = missing
        self.runningMean = mean
        self.m2 = m2
        self.m3 = m3
        self.m4 = m4
        self.smallest = smallest
        self.largest = largest
    }

    /// Adds one value (Welford–Terriberry update).
    public mutating func add(_ value: Double) {
        guard value.isFinite else {
            missing += 1
            return
        }
        let n0 = Double(count)
        count += 1
        let n = Double(count)
        let delta = value - runningMean
        let deltaN = delta / n
        let deltaN2 = deltaN * deltaN
        let term = delta * deltaN * n0
        runningMean += deltaN
        m4 += term * deltaN2 * (n * n - 3 * n + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3
        m3 += term * deltaN * (n - 2) - 3 * deltaN * m2
        m2 += term
        smallest = min(smallest, value)
        largest = max(largest, value)
    }

    /// Adds every value of a sequence, a block at a time.
    public mutating func add(contentsOf values: some Sequence<Double>) {
        let added: Void? = values.withContiguousStorageIfAvailable { buffer in
            var start = 0
            while start < buffer.count {
                let end = min(start + Self.blockSize, buffer.count)
                add(block: UnsafeBufferPointer(rebasing: buffer[start..<end]))
                start = end
            }
        }
        if added == nil {
            for value in values { add(value) }
        }
    }

    /// Values per block: small enough to stay in L1 cache for the second pass.
    private static let blockSize = 1024

    /// Adds a block by two passes around its own mean, then a merge. A block holding a missing
    /// value, or whose sum overflows, goes through ``add(_:)`` one value at a time instead.
    private mutating func add(block: UnsafeBufferPointer<Double>) {
        var sum = 0.0
        var low = Double.infinity
        var high = -Double.infinity
        for value in block {
            sum += value
            low = value < low ? value : low
            high = value > high ? value : high
        }
        guard sum.isFinite else {
            for value in block { add(value) }
            return
        }
        let n = Double(block.count)
        let mean = sum / n
        var s2 = 0.0
        var s3 = 0.0
        var s4 = 0.0
        for value in block {
            let d = value - mean
            let d2 = d * d
            s2 += d2
            s3 += d2 * d
            s4 += d2 * d2
        }
        merge(
            MomentsSketch(
                count: block.count, missing: 0, mean: mean, m2: s2, m3: s3, m4: s4, smallest: low, largest: high))
    }

    /// Merges `other` into this sketch (Chan et al.; Pébay 2008, eq. 3.1 for p = 2, 3, 4).
    public mutating func merge(_ other: MomentsSketch) {
        let missing = self.missing + other.missing
        guard other.count > 0 else {
            self.missing = missing
            return
        }
        guard count > 0 else {
            self = other
            self.missing = missing
            return
        }
        // Rounding depends on which operand is which; a canonical order makes a ∪ b = b ∪ a.
        let (a, b) = Self.precedes(self, other) ? (self, other) : (other, self)
        let na = Double(a.count)
        let nb = Double(b.count)
        let n = na + nb
        let delta = b.runningMean - a.runningMean
        let deltaN = delta / n
        let deltaN2 = deltaN * deltaN
        var result = MomentsSketch()
        result.count = a.count + b.count
        result.missing = missing
        result.runningMean = a.runningMean + nb * deltaN
        result.m2 = a.m2 + b.m2 + delta * deltaN * na * nb
        result.m3 =
            a.m3 + b.m3 + deltaN2 * delta * na * nb * (na - nb) + 3 * deltaN * (na * b.m2 - nb * a.m2)
        result.m4 =
            a.m4 + b.m4 + deltaN2 * deltaN * delta * na * nb * (na * na - na * nb + nb * nb)
            + 6 * deltaN2 * (na * na * b.m2 + nb * nb * a.m2) + 4 * deltaN * (na * b.m3 - nb * a.m3)
        result.smallest = min(a.smallest, b.smallest)
        result.largest = max(a.largest, b.largest)
        self = result
    }

    /// This sketch merged with `other`.
    public func merged(with other: MomentsSketch) -> MomentsSketch {
        var result = self
        result.merge(other)
        return result
    }

    /// A total order on states, to put merge operands in a canonical order.
    private static func precedes(_ a: MomentsSketch, _ b: MomentsSketch) -> Bool {
        let keyA = (a.count, a.missing, a.runningMean.bitPattern, a.m2.bitPattern, a.m3.bitPattern, a.m4.bitPattern)
        let keyB = (b.count, b.missing, b.runningMean.bitPattern, b.m2.bitPattern, b.m3.bitPattern, b.m4.bitPattern)
        if keyA != keyB { return keyA < keyB }
        return (a.smallest.bitPattern, a.largest.bitPattern) < (b.smallest.bitPattern, b.largest.bitPattern)
    }
}
