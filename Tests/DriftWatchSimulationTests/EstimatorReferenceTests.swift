import DriftWatchSimulation
import Foundation
import Testing

/// `Fixtures/simulation_models.json`, written by `scripts/fixtures/simulation_reference.py`.
struct EstimatorFixtures: Decodable, Sendable {
    struct Dataset: Decodable, Sendable {
        var name: String
        var x: [[Double]]
        var y: [Double]
    }

    struct Case: Decodable, Sendable {
        var name: String
        var dataset: String
        var estimator: String
        var penalty: Double
        var coefficients: [Double]
        var intercept: Double
    }

    var versions: [String: String]
    var datasets: [Dataset]
    var cases: [Case]

    static let shared: EstimatorFixtures = {
        do {
            let url = try #require(
                Bundle.module.url(forResource: "simulation_models", withExtension: "json", subdirectory: "Fixtures"))
            return try JSONDecoder().decode(EstimatorFixtures.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot load simulation_models.json: \(error)")
        }
    }()
}

/// The demo models' estimators against scikit-learn 1.9 on the committed training sets: every
/// coefficient and the intercept to 1e-9 relative (observed: within 2e-12).
@Suite struct EstimatorReferenceTests {
    static let names = EstimatorFixtures.shared.cases.map(\.name)

    @Test(arguments: names)
    func agreesWithScikitLearn(_ name: String) throws {
        let fixtures = EstimatorFixtures.shared
        let reference = try #require(fixtures.cases.first { $0.name == name })
        let data = try #require(fixtures.datasets.first { $0.name == reference.dataset })
        let x = DesignMatrix(rows: data.x)
        let fitted: (coefficients: [Double], intercept: Double)
        switch reference.estimator {
        case "logistic":
            let model = try LogisticRegression.fit(x, data.y, inverseRegularization: reference.penalty)
            fitted = (model.coefficients, model.intercept)
        case "ridge":
            let model = try RidgeRegression.fit(x, data.y, alpha: reference.penalty)
            fitted = (model.coefficients, model.intercept)
        default:
            Issue.record("unknown estimator \(reference.estimator)")
            return
        }
        try #require(fitted.coefficients.count == reference.coefficients.count)
        let scale = reference.coefficients.map(abs).max() ?? 1
        for (index, (actual, expected)) in zip(fitted.coefficients, reference.coefficients).enumerated() {
            #expect(
                abs(actual - expected) <= 1e-9 * abs(expected) + 1e-12 * scale,
                "\(name) coefficient \(index): \(actual) vs \(expected)")
        }
        #expect(
            abs(fitted.intercept - reference.intercept) <= 1e-9 * abs(reference.intercept),
            "\(name) intercept: \(fitted.intercept) vs \(reference.intercept)")
    }

    @Test func logisticRegressionRejectsOneClass() {
        let x = DesignMatrix(rows: [[1], [2], [3]])
        #expect(throws: FittingError.self) { try LogisticRegression.fit(x, [1, 1, 1], inverseRegularization: 1) }
    }

    @Test func ridgeWithoutPenaltyIsLeastSquares() throws {
        // y = 2 + 3x exactly: ordinary least squares recovers it.
        let x = DesignMatrix(rows: [[0], [1], [2], [5]])
        let model = try RidgeRegression.fit(x, [2, 5, 8, 17], alpha: 0)
        #expect(abs(model.coefficients[0] - 3) < 1e-12)
        #expect(abs(model.intercept - 2) < 1e-12)
    }
}
