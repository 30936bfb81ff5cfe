import Foundation

extension KolmogorovDistribution {
    /// P(Dₙ ≤ d) by Durbin's matrix formula, as scipy's `_kolmogn_DMTW`.
    ///
    /// With d = (k − h)/n, k a positive integer and 0 ≤ h < 1, P(Dₙ ≤ d) = n!/nⁿ · (Hⁿ)ₖₖ for the
    /// (2k − 1)² matrix H of Durbin (1968); Hⁿ is formed by repeated squaring with the binary
    /// exponents tracked separately, as Marsaglia, Tsang & Wang (2003) do. O(k³ log n) time.
    static func durbin(n: Int, d: Double) -> Double {
        if d >= 1 { return 1 }
        let nd = Double(n) * d
        if nd <= 0.5 { return 0 }
        let k = Int(nd.rounded(.up))
        let h = Double(k) - nd
        let m = 2 * k - 1

        var base = durbinMatrix(h: h, m: m)
        var power = [Double](repeating: 0, count: m * m)
        for i in 0..<m { power[i * m + i] = 1 }
        var scratch = [Double](repeating: 0, count: m * m)
        var exponent = 0
        var baseExponent = 0
        var remaining = n
        while remaining > 0 {
            if remaining % 2 == 1 {
                multiply(power, base, into: &scratch, size: m)
                swap(&power, &scratch)
                exponent += baseExponent
            }
            multiply(base, base, into: &scratch, size: m)
            swap(&base, &scratch)
            baseExponent *= 2
            if abs(base[(k - 1) * m + (k - 1)]) > scaleUp {
                for i in base.indices { base[i] /= scaleUp }
                baseExponent += 128
            }
            remaining /= 2
        }

        var p = power[(k - 1) * m + (k - 1)]
        for i in 1...n {
            p = Double(i) * p / Double(n)
            if abs(p) < scaleDown {
                p *= scaleUp
                exponent -= 128
            }
        }
        if exponent != 0 { p = scalbn(p, exponent) }
        return min(max(p, 0), 1)
    }

    /// Durbin's H, row-major: Hᵢⱼ = 1/(i − j + 1)! on and below the superdiagonal, with the
    /// first column and last row corrected for the partial cells of width h.
    private static func durbinMatrix(h: Double, m: Int) -> [Double] {
        // v[j] = (1 − h^(j+1)) / (j + 1)!, w[j] = 1/j!.
        var v = [Double](repeating: 0, count: m)
        var w = [Double](repeating: 0, count: m)
        var factorial = 1.0
        for j in 1...m {
            w[j - 1] = factorial
            factorial /= Double(j)
            v[j - 1] = (1 - pow(h, Double(j))) * factorial
        }
        let tt = pow(max(2 * h - 1, 0), Double(m)) - 2 * pow(h, Double(m))
        v[m - 1] = (1 + tt) * factorial

        var matrix = [Double](repeating: 0, count: m * m)
        for column in 1..<m {
            for row in (column - 1)..<m { matrix[row * m + column] = w[row - column + 1] }
        }
        for row in 0..<m { matrix[row * m] = v[row] }
        for column in 0..<m { matrix[(m - 1) * m + column] = v[m - 1 - column] }
        return matrix
    }

    /// `result` = `a` · `b` for square row-major matrices of side `size`.
    private static func multiply(_ a: [Double], _ b: [Double], into result: inout [Double], size: Int) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { result in
                    for i in 0..<size {
                        let row = i * size
                        for j in 0..<size { result[row + j] = 0 }
                        for l in 0..<size {
                            let factor = a[row + l]
                            let bRow = l * size
                            for j in 0..<size { result[row + j] += factor * b[bRow + j] }
                        }
                    }
                }
            }
        }
    }
}
