import DriftStats
import Testing

/// ``IsotonicRegression`` against `sklearn.isotonic.IsotonicRegression(out_of_bounds="clip")`:
/// fitted thresholds, values and predictions bit for bit.
@Suite struct PerformanceIsotonicTests {
    static let cases = PerformanceFixtures.shared.isotonicCases.map(\.name)

    @Test(arguments: cases)
    func agreesWithScikitLearn(_ name: String) throws {
        let fixture = try #require(PerformanceFixtures.shared.isotonicCases.first { $0.name == name })
        let model = try IsotonicRegression(x: fixture.x, y: fixture.y)
        #expect(model.thresholds == fixture.xThresholds, "\(name): thresholds")
        #expect(model.values == fixture.yThresholds, "\(name): values")
        #expect(model.predict(fixture.probes) == fixture.predictions, "\(name): predictions")
    }

    @Test func poolsViolatorsIntoTheirMean() throws {
        let model = try IsotonicRegression(x: [1, 2, 3, 4], y: [1, 3, 2, 4])
        #expect(model.predict([1, 2, 2.5, 3, 4]) == [1, 2.5, 2.5, 2.5, 4])
    }

    @Test func rejectsUnusableInput() {
        #expect(throws: UndefinedStatistic.self) { try IsotonicRegression(x: [], y: []) }
        #expect(throws: UndefinedStatistic.self) { try IsotonicRegression(x: [1, 2], y: [1]) }
        #expect(throws: UndefinedStatistic.self) { try IsotonicRegression(x: [1, .nan], y: [1, 2]) }
    }
}
