/// The exact null distribution of the Mann–Whitney U statistic for samples without ties.
///
/// The number of the C(m+n, m) equally likely arrangements with U = u is the coefficient of qᵘ
/// in the Gaussian binomial ∏ᵢ₌₁ᵐ (1 − q^(n+i)) / (1 − q^i). scipy 1.17 (`_MWU`) derives the same
/// coefficients from Löffler's (1983) recursion, which costs O(u²) and takes seconds for
/// n = 15000; multiplying by one factor at a time costs O(m·u) and agrees with it to 1e-13.
/// Every partial product is itself a Gaussian binomial, so its coefficients stay positive.
enum MannWhitneyUDistribution {
    /// P(U ≤ u) for samples of sizes m and n, summed as scipy sums it: each count over the
    /// total, accumulated left to right.
    static func cdf(_ u: Int, _ m: Int, _ n: Int) -> Double {
        let small = min(m, n)
        let large = max(m, n)
        var counts = [Double](repeating: 0, count: u + 1)
        counts[0] = 1
        for i in stride(from: 1, through: small, by: 1) {
            let numeratorPower = large + i
            if numeratorPower <= u {
                for k in stride(from: u, through: numeratorPower, by: -1) {
                    counts[k] -= counts[k - numeratorPower]
                }
            }
            if i <= u {
                for k in i...u { counts[k] += counts[k - i] }
            }
        }
        let total = binomial(small + large, small)
        var cumulative = 0.0
        for count in counts { cumulative += count / total }
        return cumulative
    }

    /// C(n, k) as scipy's `special.binom` computes it for integral k < 20: running products of
    /// numerators and denominators, renormalized past 1e50.
    private static func binomial(_ n: Int, _ k: Int) -> Double {
        var numerator = 1.0
        var denominator = 1.0
        for i in stride(from: 1, through: k, by: 1) {
            numerator *= Double(i + n - k)
            denominator *= Double(i)
            if abs(numerator) > 1e50 {
                numerator /= denominator
                denominator = 1
            }
        }
        return numerator / denominator
    }
}
