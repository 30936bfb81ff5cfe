import Foundation

/// χ² and G tests of homogeneity on the 2×k table (reference, current) × categories.
///
/// Agree with `scipy.stats.chi2_contingency(table)` and
/// `chi2_contingency(table, lambda_="log-likelihood")`: expected counts Eᵢⱼ = rowᵢ · colⱼ / total,
/// Yates' continuity correction (each observed count moved up to ½ towards its expectation)
/// when the table has one degree of freedom, and the χ² tail with k − 1 degrees of freedom.
/// Pearson's statistic is Σ (O − E)²/E; the G statistic is 2 Σ O ln(O/E).
public enum ChiSquareTest {
    /// Which statistic of the power-divergence family to compute.
    public enum Statistic: Sendable, Hashable {
        /// Pearson's χ², Σ (O − E)²/E.
        case pearson
        /// The likelihood-ratio G statistic, 2 Σ O ln(O/E).
        case logLikelihood
    }

    /// The test on the reference/current table of `counts`.
    /// `correction: false` turns Yates' correction off, as `chi2_contingency(correction=False)`.
    public static func test(
        _ counts: CategoryCounts, statistic: Statistic = .pearson, correction: Bool = true
    ) throws(UndefinedStatistic) -> DriftOutcome {
        let rows = [counts.reference, counts.current]
        let rowTotals = rows.map { Double($0.reduce(0, +)) }
        try counts.requireBothSamples()
        let columns = counts.categories.count
        let degreesOfFreedom = columns - 1
        if degreesOfFreedom == 0 { return DriftOutcome(statistic: 0, pValue: 1) }
        let total = rowTotals[0] + rowTotals[1]
        var sum = 0.0
        for j in 0..<columns {
            let columnTotal = Double(rows[0][j] + rows[1][j])
            for i in 0..<2 {
                let expected = rowTotals[i] * columnTotal / total
                var observed = Double(rows[i][j])
                if degreesOfFreedom == 1 && correction {
                    let difference = expected - observed
                    observed += min(0.5, abs(difference)) * (difference > 0 ? 1 : difference < 0 ? -1 : 0)
                }
                switch statistic {
                case .pearson:
                    sum += (observed - expected) * (observed - expected) / expected
                case .logLikelihood:
                    if observed > 0 { sum += 2 * observed * log(observed / expected) }
                }
            }
        }
        let pValue = ChiSquaredDistribution(degreesOfFreedom: Double(degreesOfFreedom)).sf(sum)
        return DriftOutcome(statistic: sum, pValue: pValue)
    }
}
