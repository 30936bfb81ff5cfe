/// The true relation between a demo model's inputs and its outcome, fixed from a clean sample.
///
/// Each feature's effect is centred on its mean over the sample, so that scaling an effect
/// (concept drift) changes which rows are positive more than how many are. For a binary
/// outcome the intercept is then found by bisection so that the sample's mean probability is
/// the generator's positive rate.
struct TruthRelation: Sendable {
    /// The mean effect of each feature over the sample.
    let centres: [Double]
    /// The score's constant term.
    let intercept: Double
    /// The outcome's kind.
    let shape: OutcomeShape

    /// The relation of `generator`, fixed on the clean rows `sample`.
    init(generator: any DemoDataGenerator, sample: [SimulatedRecord]) {
        let count = Double(sample.count)
        let centres = generator.features.indices.map { index in
            sample.reduce(0) { $0 + generator.effect(of: index, in: $1) } / count
        }
        self.centres = centres
        shape = generator.outcome
        switch generator.outcome {
        case .regression(let intercept, _):
            self.intercept = intercept
        case .binary(let positiveRate):
            let scores = sample.map { record in
                generator.features.indices.reduce(generator.segmentEffect(in: record)) {
                    $0 + generator.effect(of: $1, in: record) - centres[$1]
                }
            }
            var low = -30.0
            var high = 30.0
            for _ in 0..<80 {
                let middle = (low + high) / 2
                let rate = scores.reduce(0) { $0 + Logistic.sigmoid($1 + middle) } / count
                if rate > positiveRate { high = middle } else { low = middle }
            }
            intercept = (low + high) / 2
        }
    }

    /// The true score of `record`; `scales[k]` multiplies feature k's centred effect (nil: all 1).
    func score(of record: SimulatedRecord, generator: any DemoDataGenerator, scales: [Double]?) -> Double {
        var total = intercept + generator.segmentEffect(in: record)
        for index in centres.indices {
            let effect = generator.effect(of: index, in: record) - centres[index]
            total += (scales?[index] ?? 1) * effect
        }
        return total
    }

    /// The outcome for `score`, drawn with one uniform (binary) or one standard normal (regression).
    func outcome(score: Double, uniform: Double, normal: Double) -> Double {
        switch shape {
        case .binary: uniform < Logistic.sigmoid(score) ? 1 : 0
        case .regression(_, let noise): (score + noise * normal).rounded()
        }
    }
}
