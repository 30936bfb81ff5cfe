import DriftWatchCore

extension DemoModel {
    /// Draws `trainingRows` clean rows with their true outcomes and fits the model on them.
    ///
    /// ```swift
    /// let churn = try DemoModel(.churn, seed: 7)
    /// ```
    ///
    /// - Parameters:
    ///   - kind: which demo model.
    ///   - id: the model id its events carry; `kind`'s name by default.
    ///   - seed: fixes the training data, and so the fitted coefficients.
    ///   - trainingRows: how many rows to fit on (at least 1 000).
    /// - Throws: ``FittingError`` if the estimator cannot be fitted, which the built-in
    ///   generators do not cause at the default size.
    public init(
        _ kind: DemoModelKind, id: String? = nil, seed: UInt64 = 0, trainingRows: Int = 20_000
    ) throws(FittingError) {
        guard trainingRows >= 1_000 else { throw FittingError("at least 1 000 training rows are needed") }
        let generator = kind.generator
        var randoms = (0..<trainingRows).map {
            SimulationRandom(seed: seed, purpose: .training, index: UInt64($0))
        }
        let records = randoms.indices.map { generator.sample(&randoms[$0]) }
        let truth = TruthRelation(generator: generator, sample: records)
        let outcomes = records.indices.map { index in
            let score = truth.score(of: records[index], generator: generator, scales: nil)
            return truth.outcome(score: score, uniform: randoms[index].uniform(), normal: randoms[index].normal())
        }
        let rows = records.map(\.values)
        let encoder = FeatureEncoder(features: generator.features, rows: rows)
        let matrix = DesignMatrix(
            rows: rows.count, columns: encoder.columnCount, values: rows.flatMap(encoder.encode))
        let fitted: FittedModel =
            switch kind {
            case .price: .ridge(try RidgeRegression.fit(matrix, outcomes, alpha: kind.regularization))
            case .fraud, .churn:
                .logistic(try LogisticRegression.fit(matrix, outcomes, inverseRegularization: kind.regularization))
            }
        let statistics = generator.features.indices.map { index in
            FeatureStatistics(feature: generator.features[index], values: rows.map { $0[index] })
        }
        self.init(
            kind: kind, id: id ?? kind.rawValue, generator: generator, truth: truth, encoder: encoder,
            fittedModel: fitted, featureStatistics: statistics)
    }

    /// The three demo models, fitted with the same seed.
    public static func all(seed: UInt64 = 0) throws(FittingError) -> [DemoModel] {
        var models: [DemoModel] = []
        for kind in DemoModelKind.allCases { models.append(try DemoModel(kind, seed: seed)) }
        return models
    }
}
