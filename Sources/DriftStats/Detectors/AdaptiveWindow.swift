import Foundation

/// ADWIN's window of exponential-histogram buckets and its cut test, River 0.26's
/// `AdaptiveWindowing` (`rust_src/adwin.rs`, itself a line-by-line port of `adwin_c.pyx`).
///
/// Row r holds up to `maxBuckets` buckets of 2ʳ values each, oldest first, as a running total
/// and a variance sum (Babcock et al. 2003); row 0 is the newest. A value enters row 0 as a
/// bucket of one; when a row reaches `maxBuckets + 1` buckets its two oldest merge into one
/// bucket of the next row, with V₁₂ = V₁ + V₂ + n·½·(μ₁ − μ₂)², n the bucket size. The rows live
/// in flat arrays of `maxBuckets + 1` slots per row, so an update allocates nothing once the
/// window has reached its largest row.
///
/// The arithmetic follows River's operation order exactly, since the cut decisions compare
/// floating-point values with `>`.
struct AdaptiveWindow: Sendable {
    private let delta: Double
    private let clock: Int
    private let maxBuckets: Int
    private let minWindowLength: Double
    private let gracePeriod: Double

    /// The bucket totals, `maxBuckets + 1` slots per row.
    private var totals: [Double]
    /// The bucket variance sums (Σ(x − μ)² within the bucket), parallel to `totals`.
    private var variances: [Double]
    /// The number of buckets in each row in use.
    private var counts: [Int]
    /// The number of rows in use; rows beyond it keep their storage for reuse.
    private var rows = 1
    /// Updates since the last cut test, counting to `clock`.
    private var tick = 0
    /// The number of values in the window.
    private(set) var width = 0.0
    /// The sum of the values in the window.
    private(set) var total = 0.0
    /// The sum of squared deviations from the window's mean.
    private(set) var variance = 0.0

    /// An empty window.
    init(delta: Double, clock: Int, maxBuckets: Int, minWindowLength: Int, gracePeriod: Int) {
        self.delta = delta
        self.clock = clock
        self.maxBuckets = maxBuckets
        self.minWindowLength = Double(minWindowLength)
        self.gracePeriod = Double(gracePeriod)
        totals = [Double](repeating: 0, count: maxBuckets + 1)
        variances = totals
        counts = [0]
    }

    /// Adds `value` and, every `clock` updates once the window is past the grace period,
    /// drops the oldest buckets while some cut separates two significantly different means.
    /// Returns whether a cut was found.
    mutating func update(_ value: Double) -> Bool {
        insert(value)
        tick += 1
        guard tick == clock else { return false }
        tick = 0
        guard width > gracePeriod else { return false }
        var detected = false
        while shrinkOnce() { detected = true }
        return detected
    }

    /// Empties the window, keeping its storage.
    mutating func reset() {
        for row in 0..<rows { counts[row] = 0 }
        rows = 1
        tick = 0
        width = 0
        total = 0
        variance = 0
    }

    /// Appends a bucket of one to row 0 and merges overflowing rows upwards.
    private mutating func insert(_ value: Double) {
        append(row: 0, total: value, variance: 0)
        width += 1
        var increment = 0.0
        if width > 1 {
            let deviation = value - total / (width - 1)
            increment = (width - 1) * deviation * deviation / width
        }
        variance += increment
        total += value

        var row = 0
        let slots = maxBuckets + 1
        while counts[row] == slots {
            let size = Double(1 << row)
            let first = row * slots
            let (t0, t1) = (totals[first], totals[first + 1])
            let mu1 = t0 / size
            let mu2 = t1 / size
            let merged = size * 0.5 * (mu1 - mu2) * (mu1 - mu2)
            if row + 1 == rows { addRow() }
            append(row: row + 1, total: t0 + t1, variance: variances[first] + variances[first + 1] + merged)
            removeOldest(2, row: row)
            if counts[row + 1] <= maxBuckets { break }
            row += 1
        }
    }

    /// Scans every cut between buckets, oldest first; at the first significant one drops the
    /// oldest bucket and returns true.
    private mutating func shrinkOnce() -> Bool {
        // Constant within a scan: the window only changes once a cut is found.
        let deltaPrime = log(2 * log(width) / delta)
        var n0 = 0.0
        var n1 = width
        var u0 = 0.0
        var u1 = total
        let slots = maxBuckets + 1
        for row in stride(from: rows - 1, through: 0, by: -1) {
            let size = Double(1 << row)
            let count = counts[row]
            for k in 0..<count {
                n0 += size
                n1 -= size
                let bucketTotal = totals[row * slots + k]
                u0 += bucketTotal
                u1 -= bucketTotal
                // River never cuts after the newest bucket.
                if row == 0 && k == count - 1 { return false }
                let deltaMean = (u0 / n0) - (u1 / n1)
                if n1 >= minWindowLength && n0 >= minWindowLength && isCut(n0, n1, deltaMean, deltaPrime) {
                    deleteOldest()
                    return true
                }
            }
        }
        return false
    }

    /// Bifet & Gavaldà's test as River writes it: with 1/m = 1/(n₀ − L + 1) + 1/(n₁ − L + 1),
    /// L the minimum window length, and δ' = ln(2 ln(W)/δ), the cut is significant when
    /// |μ₀ − μ₁| > √(2 (1/m) (V/W) δ') + (2/3) δ' (1/m).
    private func isCut(_ n0: Double, _ n1: Double, _ deltaMean: Double, _ deltaPrime: Double) -> Bool {
        let mReciprocal = 1.0 / (n0 - minWindowLength + 1.0) + 1.0 / (n1 - minWindowLength + 1.0)
        let epsilon =
            (2.0 * mReciprocal * (variance / width) * deltaPrime).squareRoot() + 2.0 / 3.0 * deltaPrime * mReciprocal
        return abs(deltaMean) > epsilon
    }

    /// Removes the oldest bucket, updating width, total and variance.
    private mutating func deleteOldest() {
        let row = rows - 1
        let size = Double(1 << row)
        let first = row * (maxBuckets + 1)
        let (u, v) = (totals[first], variances[first])
        let mu = u / size
        width -= size
        total -= u
        let windowMean = total / width
        variance -= v + size * width * (mu - windowMean) * (mu - windowMean) / (size + width)
        removeOldest(1, row: row)
        if counts[row] == 0 { rows -= 1 }
    }

    /// Puts a bucket after the newest one of `row`.
    private mutating func append(row: Int, total: Double, variance: Double) {
        let slot = row * (maxBuckets + 1) + counts[row]
        totals[slot] = total
        variances[slot] = variance
        counts[row] += 1
    }

    /// Drops the `n` oldest buckets of `row`, shifting the rest down.
    private mutating func removeOldest(_ n: Int, row: Int) {
        let first = row * (maxBuckets + 1)
        let remaining = counts[row] - n
        for i in 0..<remaining {
            totals[first + i] = totals[first + i + n]
            variances[first + i] = variances[first + i + n]
        }
        counts[row] = remaining
    }

    /// Brings one more row into use, growing the storage the first time it is reached.
    private mutating func addRow() {
        if rows == counts.count {
            totals.append(contentsOf: repeatElement(0, count: maxBuckets + 1))
            variances.append(contentsOf: repeatElement(0, count: maxBuckets + 1))
            counts.append(0)
        }
        rows += 1
    }
}
