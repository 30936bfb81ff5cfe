/// Benjamini–Hochberg adjustment of p-values, controlling the false discovery rate.
///
/// Adjusted pᵢ = min over j ≥ rank(i) of m·p₍ⱼ₎ / j, capped at 1 — the same values as
/// `scipy.stats.false_discovery_control(ps, method="bh")` and R's `p.adjust(p, "BH")`.
/// Rejecting where the adjusted p-value is below α keeps the expected share of false
/// drift alarms among the features flagged at most α.
public enum BenjaminiHochberg {
    /// The adjusted p-values, in the order given.
    public static func adjust(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        guard m > 0 else { return [] }
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var adjusted = [Double](repeating: 0, count: m)
        var running = 1.0
        for rank in stride(from: m, through: 1, by: -1) {
            let index = order[rank - 1]
            running = min(running, pValues[index] * Double(m) / Double(rank))
            adjusted[index] = running
        }
        return adjusted
    }
}
