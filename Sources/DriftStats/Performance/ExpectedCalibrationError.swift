/// The expected calibration error of binary probabilities over equal-width bins.
///
/// ECE = Σ_b (n_b / N)·|y̅_b − p̅_b| over the non-empty bins b, where y̅_b is the fraction of
/// positives and p̅_b the mean predicted probability of the positive class in the bin
/// (Naeini, Cooper & Hauskrecht 2015, computed on the positive-class probability rather than
/// the top-label confidence). The bins are those of
/// `sklearn.calibration.calibration_curve(strategy="uniform")`: edges eᵢ = i·(1/B) as
/// `numpy.linspace(0, 1, B + 1)` computes them, and a probability goes to bin
/// `searchsorted(edges[1:-1], p)`, so the bins are [0, e₁], (e₁, e₂], …, (e_{B−1}, 1] and a
/// probability on an inner edge counts in the lower bin.
enum ExpectedCalibrationError {
    /// The ECE of `probabilities` (all in [0, 1]) against `truth`, with `bins` bins.
    static func compute(truth: [Bool], probabilities: [Double], bins: Int) -> Double {
        let step = 1 / Double(bins)
        let edges = (0...bins).map { Double($0) * step }
        var totals = [Int](repeating: 0, count: bins)
        var positives = [Double](repeating: 0, count: bins)
        var sums = [Double](repeating: 0, count: bins)
        for (isPositive, p) in zip(truth, probabilities) {
            // Start from the bin ⌊B·p⌋ and correct it against the edges, which are rounded.
            var bin = min(max(Int(p * Double(bins)), 0), bins - 1)
            while bin > 0 && edges[bin] >= p { bin -= 1 }
            while bin < bins - 1 && edges[bin + 1] < p { bin += 1 }
            totals[bin] += 1
            if isPositive { positives[bin] += 1 }
            sums[bin] += p
        }
        let count = Double(probabilities.count)
        var error = 0.0
        for bin in 0..<bins where totals[bin] > 0 {
            let total = Double(totals[bin])
            error += total / count * abs(positives[bin] / total - sums[bin] / total)
        }
        return error
    }
}
