/// Distances between the empirical CDFs F and G of two sorted samples.
///
/// Lᵖ(F, G) = (∫ |F(x) − G(x)|ᵖ dx)^(1/p), integrated exactly over the merged sample as
/// `scipy.stats._stats_py._cdf_distance` does: between consecutive distinct values both CDFs
/// are constant, so the integral is a sum of |F − G|ᵖ times the gap. One merge pass, O(n + m).
enum EmpiricalCDFDistance {
    /// ∫ |F − G|ᵖ dx for p = 1 or 2 (the caller takes the root).
    static func integral(_ u: [Double], _ v: [Double], power: Int) -> Double {
        let n = Double(u.count)
        let m = Double(v.count)
        var i = 0
        var j = 0
        var sum = 0.0
        while i < u.count || j < v.count {
            let value = j >= v.count || (i < u.count && u[i] <= v[j]) ? u[i] : v[j]
            while i < u.count && u[i] <= value { i += 1 }
            while j < v.count && v[j] <= value { j += 1 }
            guard i < u.count || j < v.count else { break }
            let next = j >= v.count || (i < u.count && u[i] <= v[j]) ? u[i] : v[j]
            let gap = abs(Double(i) / n - Double(j) / m)
            sum += (power == 1 ? gap : gap * gap) * (next - value)
        }
        return sum
    }
}
