import Foundation

extension KolmogorovDistribution {
    /// P(Dₙ ≤ x) by the Pomeranz (1974) recursion, as scipy's `_kolmogn_Pomeranz`.
    ///
    /// Row i of the (2n + 2)-row table is the previous row convolved with the Poisson-like
    /// weights (c/n)ᵐ/m! for c ∈ {g, 2g, 1 − 2g}, g = min(f, 1 − f), f the fractional part of
    /// n·x; only a window of each row [j₁, j₂] can be non-zero. The answer is n! times the last
    /// entry, with rows rescaled by 2¹²⁸ when they underflow and the scale undone at the end.
    static func pomeranz(n: Int, x: Double) -> Double {
        let t = Double(n) * x
        let ll = Int(t.rounded(.down))
        let f = t - Double(ll)
        let g = min(f, 1 - f)
        let window = Window(n: n, ll: ll, ceilF: f > 0 ? 1 : 0, roundF: f > 0.5 ? 1 : 0)
        let count = 2 * (ll + 1)
        let edgeWeights = poissonWeights(g / Double(n), count: count)
        let oddWeights = poissonWeights(2 * g / Double(n), count: count)
        let evenWeights = poissonWeights((1 - 2 * g) / Double(n), count: count)

        var previous = [Double](repeating: 0, count: count)
        var current = [Double](repeating: 0, count: count)
        current[0] = 1
        var previousStart = 0
        var currentStart = 0
        var exponent = 0
        var (j1, j2) = window.bounds(row: 0)
        for i in 1..<(2 * n + 2) {
            let k1 = j1
            swap(&previous, &current)
            swap(&previousStart, &currentStart)
            for j in current.indices { current[j] = 0 }
            (j1, j2) = window.bounds(row: i)
            let weights = i == 1 || i == 2 * n + 1 ? edgeWeights : (i % 2 == 1 ? oddWeights : evenWeights)
            let length = j2 - k1 + 1
            guard length > 0 else { continue }
            convolve(
                previous, from: k1 - previousStart, weights, length: length,
                outputs: (j1 - k1)..<(j2 - k1 + 1), into: &current)
            let largest = current.max() ?? 0
            if largest > 0 && largest < scaleDown {
                for j in current.indices { current[j] *= scaleUp }
                exponent -= 128
            }
            currentStart = previousStart + j1 - k1
        }

        var answer = current[n - currentStart]
        for m in 1...n {
            if abs(answer) > scaleUp {
                answer *= scaleDown
                exponent += 128
            }
            answer *= Double(m)
        }
        if exponent != 0 { answer = scalbn(answer, exponent) }
        return min(max(answer, 0), 1)
    }

    /// cᵐ/m! for m = 0..<count: Poisson probabilities without the e⁻ᶜ factor.
    private static func poissonWeights(_ c: Double, count: Int) -> [Double] {
        var weights = [Double](repeating: 1, count: count)
        for m in 1..<count { weights[m] = weights[m - 1] * c / Double(m) }
        return weights
    }

    /// Writes entries `outputs` of the full convolution of `row[start..<start + length]` with
    /// `weights[0..<length]` to the front of `result`.
    private static func convolve(
        _ row: [Double], from start: Int, _ weights: [Double], length: Int,
        outputs: Range<Int>, into result: inout [Double]
    ) {
        row.withUnsafeBufferPointer { row in
            weights.withUnsafeBufferPointer { weights in
                for (slot, c) in outputs.enumerated() {
                    var sum = 0.0
                    for i in max(0, c - length + 1)...min(c, length - 1) {
                        sum += row[start + i] * weights[c - i]
                    }
                    result[slot] = sum
                }
            }
        }
    }

    /// The non-zero window [j₁, j₂] of each row, scipy's `_pomeranz_compute_j1j2`.
    private struct Window {
        let n: Int
        let ll: Int
        let ceilF: Int
        let roundF: Int

        func bounds(row i: Int) -> (Int, Int) {
            let j1: Int
            let j2: Int
            if i == 0 {
                (j1, j2) = (-ll - ceilF - 1, ll + ceilF - 1)
            } else {
                let half = (i + 1) / 2
                if (i + 1) % 2 == 0 {
                    if half == n + 1 {
                        (j1, j2) = (n - ll - ceilF - 1, n + ll + ceilF - 1)
                    } else {
                        (j1, j2) = (half - 1 - ll - roundF - 1, half + ll - 1 + ceilF - 1)
                    }
                } else {
                    (j1, j2) = (half - 1 - ll - 1, half + ll + roundF - 1)
                }
            }
            return (max(j1 + 2, 0), min(j2, n))
        }
    }
}
