import Foundation

/// The exact null distribution of the two-sample Cramér–von Mises statistic.
///
/// Follows scipy 1.17's `_pval_cvm_2samp_exact`, which implements Algorithm 1 of Xiao, Gordon
/// and Yakovlev (2006): with L = lcm(m, n), a = L/m and b = L/n, walk the lattice paths from
/// (0, 0) to (n, m), adding (a·v − b·u)² at each point, and tabulate how many of the C(m+n, m)
/// paths reach each total. U is mapped onto that total by Anderson's (1962) eq. 9 and the
/// p-value is the share of paths at or above it. Counts are exact integers.
enum CramerVonMisesExactDistribution {
    /// P(U' ≥ u) under the null for samples of sizes m (reference) and n (current).
    static func pValue(_ u: Double, _ m: Int, _ n: Int) -> Double {
        let lcm = m / gcd(m, n) * n
        let a = lcm / m
        let b = lcm / n
        let mn = m * n
        let zeta = numpyFloorDivide(
            Double(lcm * lcm * (m + n)) * (6 * u - Double(mn * (4 * mn - 1))), Double(6 * mn * mn))
        // frequencies[v] tabulates (total, paths) over the paths ending at (row, v); a point's
        // table merges those of the point below and the point to the left, then adds its step.
        var frequencies: [[(total: Int, paths: Int)]] = [[(0, 1)]] + Array(repeating: [], count: m)
        for row in 0...n {
            var next: [[(total: Int, paths: Int)]] = []
            next.reserveCapacity(m + 1)
            var running: [(total: Int, paths: Int)] = []
            for v in 0...m {
                running = merged(running, frequencies[v])
                let step = a * v - b * row
                let shift = step * step
                for index in running.indices { running[index].total += shift }
                next.append(running)
            }
            frequencies = next
        }
        var atOrAbove = 0
        for entry in frequencies[m] where Double(entry.total) >= zeta { atOrAbove += entry.paths }
        return Double(atOrAbove) / binomial(m + n, m)
    }

    /// Two tables sorted by total, merged with the path counts of equal totals added.
    private static func merged(
        _ lhs: [(total: Int, paths: Int)], _ rhs: [(total: Int, paths: Int)]
    ) -> [(total: Int, paths: Int)] {
        var result: [(total: Int, paths: Int)] = []
        result.reserveCapacity(lhs.count + rhs.count)
        var i = 0
        var j = 0
        while i < lhs.count || j < rhs.count {
            if j == rhs.count || (i < lhs.count && lhs[i].total < rhs[j].total) {
                result.append(lhs[i])
                i += 1
            } else if i == lhs.count || rhs[j].total < lhs[i].total {
                result.append(rhs[j])
                j += 1
            } else {
                result.append((lhs[i].total, lhs[i].paths + rhs[j].paths))
                i += 1
                j += 1
            }
        }
        return result
    }

    /// `a // b` for float64 as numpy computes it (`npy_divmod`): fmod-based, so the quotient of
    /// a value just below an integer multiple rounds as scipy's does.
    private static func numpyFloorDivide(_ a: Double, _ b: Double) -> Double {
        let mod = a.truncatingRemainder(dividingBy: b)
        var div = (a - mod) / b
        if mod != 0 && (b < 0) != (mod < 0) { div -= 1 }
        guard div != 0 else { return 0 }
        var floorDiv = div.rounded(.down)
        if div - floorDiv > 0.5 { floorDiv += 1 }
        return floorDiv
    }

    /// C(n, k) as an exact integer in floating point (k ≤ 20 here, so it fits).
    private static func binomial(_ n: Int, _ k: Int) -> Double {
        var result = 1
        for i in 0..<k { result = result * (n - i) / (i + 1) }
        return Double(result)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
