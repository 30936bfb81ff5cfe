/// The comparison behind NannyML's decision whether isotonic calibration improves a model's
/// scores (`nannyml.calibration.needs_calibration`, NannyML 0.13.1).
///
/// No calibration when the reference labels hold one class or the scores already rank them
/// almost perfectly (ROC AUC > 0.999). Otherwise the reference is split ten times by
/// ``StratifiedShuffleSplit`` (10 % test rows, seed 42); in each split an isotonic
/// regression fitted on the train rows calibrates the test rows. Over the ten test sets
/// pooled, the ECE of the raw and of the calibrated scores are compared, and the scores are
/// calibrated when calibration lowers it.
///
/// This ECE differs from ``ExpectedCalibrationError``: the pooled rows are sorted by score
/// and cut into about ten bins of equal count (`_get_bin_index_edges`: width ⌊N/10⌋, the last
/// bin taking the remainder), and ECE = Σ_b (n_b/N)·|p̅_b − y̅_b|. NannyML sorts with numpy's
/// default (unstable) argsort, so the order of tied scores within a bin edge is numpy's;
/// here ties keep their pooled order (a stable sort). Calibrated scores tie by design, but
/// a tie split across a bin edge rarely moves the comparison.
enum CalibrationCheck {
    /// The raw and calibrated ECE over the pooled test rows, as the decision compares them.
    static func calibrationErrors(
        truth: [Bool], scores: [Double]
    ) throws(UndefinedStatistic) -> (before: Double, after: Double) {
        let splits = try StratifiedShuffleSplit.splits(labels: truth.map { $0 ? 1 : 0 }, classCount: 2)
        var pooledTruth: [Bool] = []
        var raw: [Double] = []
        var calibrated: [Double] = []
        for (train, test) in splits {
            let calibrator = try IsotonicRegression(x: train.map { scores[$0] }, y: train.map { truth[$0] ? 1 : 0 })
            for row in test {
                pooledTruth.append(truth[row])
                raw.append(scores[row])
                calibrated.append(calibrator.predict(scores[row]))
            }
        }
        let edges = binEdges(count: raw.count)
        return (
            error(truth: pooledTruth, scores: raw, edges: edges),
            error(truth: pooledTruth, scores: calibrated, edges: edges)
        )
    }

    /// Bin boundaries 0, w, 2w, … with w = ⌊N/10⌋, the last set to N.
    private static func binEdges(count: Int) -> [Int] {
        // NannyML uses ⌊N/2⌋ bins for N ≤ 20, but ten splits of at least two test rows make N ≥ 20.
        let width = count / 10
        var edges = Array(stride(from: 0, through: count, by: width))
        edges[edges.count - 1] = count
        return edges
    }

    private static func error(truth: [Bool], scores: [Double], edges: [Int]) -> Double {
        let order = RadixArgsort.argsort(scores)
        var terms: [Double] = []
        for (start, end) in zip(edges, edges.dropFirst()) {
            let bin = order[start..<end]
            let meanScore = NumpyPairwiseSum.mean(bin.map { scores[$0] })
            let meanTruth = Double(bin.filter { truth[$0] }.count) / Double(bin.count)
            terms.append(Double(bin.count) / Double(scores.count) * abs(meanScore - meanTruth))
        }
        return NumpyPairwiseSum.sum(terms)
    }
}
