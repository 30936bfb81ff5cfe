import DriftStats
import Foundation
import Testing

/// The report's trend line and its prediction band against `scipy.stats.linregress` and
/// `scipy.stats.t.ppf`, on the vectors `scripts/fixtures/report_reference.py` wrote.
@Suite struct LinearTrendReferenceTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var name: String
            var x: [Double]
            var y: [Double]
            var threshold: Double
            var slope: Double
            var intercept: Double
            var rvalue: Double
            var stderr: Double
            var interceptStderr: Double
            var residualStd: Double
            var tQuantile: Double
            /// `[x0, fit, lower, upper]`.
            var band: [[Double]]
            var crossing: Double

            enum CodingKeys: String, CodingKey {
                case name, x, y, threshold, slope, intercept, rvalue, stderr, band, crossing
                case interceptStderr = "intercept_stderr"
                case residualStd = "residual_std"
                case tQuantile = "t_quantile"
            }
        }

        var tPPF: [[Double]]
        var cases: [Case]

        enum CodingKeys: String, CodingKey {
            case cases
            case tPPF = "t_ppf"
        }
    }

    let reference: Reference

    init() throws { reference = try Fixtures.load("trend_forecast", as: Reference.self) }

    private func close(_ actual: Double, _ expected: Double) -> Bool {
        Fixtures.agrees(actual, expected, relative: 1e-9, absolute: 1e-300)
    }

    @Test func studentTQuantileMatchesScipy() {
        #expect(reference.tPPF.count > 40)
        for row in reference.tPPF {
            let actual = StudentTDistribution(degreesOfFreedom: row[0]).quantile(row[1])
            #expect(close(actual, row[2]), "t.ppf(\(row[1]), \(row[0])): \(actual) vs \(row[2])")
        }
    }

    @Test func quantileInvertsTheDistributionAndHandlesItsEnds() {
        let t = StudentTDistribution(degreesOfFreedom: 7)
        for p in [0.01, 0.3, 0.5, 0.8, 0.999] {
            #expect(abs(t.cdf(t.quantile(p)) - p) < 1e-14, "cdf(quantile(\(p)))")
        }
        #expect(t.quantile(0) == -.infinity)
        #expect(t.quantile(1) == .infinity)
        #expect(t.quantile(1.5).isNaN)
        #expect(t.quantile(.nan).isNaN)
    }

    @Test func fitMatchesLinregress() throws {
        #expect(reference.cases.count == 5)
        for item in reference.cases {
            let trend = try LinearTrend(x: item.x, y: item.y)
            #expect(close(trend.slope, item.slope), "\(item.name) slope: \(trend.slope) vs \(item.slope)")
            #expect(close(trend.intercept, item.intercept), "\(item.name) intercept")
            #expect(close(trend.correlation, item.rvalue), "\(item.name) rvalue")
            #expect(close(trend.slopeStandardError, item.stderr), "\(item.name) stderr")
            #expect(close(trend.interceptStandardError, item.interceptStderr), "\(item.name) intercept_stderr")
            #expect(close(trend.residualStandardError, item.residualStd), "\(item.name) residual std")
        }
    }

    @Test func predictionBandAndCrossingMatchScipy() throws {
        for item in reference.cases {
            let trend = try LinearTrend(x: item.x, y: item.y)
            let t = StudentTDistribution(degreesOfFreedom: Double(item.x.count - 2)).quantile(0.975)
            #expect(close(t, item.tQuantile), "\(item.name) t quantile")
            #expect(!item.band.isEmpty)
            for row in item.band {
                let (value, lower, upper) = trend.prediction(at: row[0])
                #expect(close(value, row[1]), "\(item.name) fit at \(row[0]): \(value) vs \(row[1])")
                #expect(close(lower, row[2]), "\(item.name) lower at \(row[0]): \(lower) vs \(row[2])")
                #expect(close(upper, row[3]), "\(item.name) upper at \(row[0]): \(upper) vs \(row[3])")
            }
            let crossing = try #require(trend.crossing(of: item.threshold))
            #expect(close(crossing, item.crossing), "\(item.name) crossing: \(crossing) vs \(item.crossing)")
        }
    }

    @Test func refusesWhatItCannotFit() throws {
        #expect(throws: UndefinedStatistic.self) { try LinearTrend(x: [0, 1], y: [1, 2]) }
        #expect(throws: UndefinedStatistic.self) { try LinearTrend(x: [2, 2, 2], y: [1, 2, 3]) }
        #expect(throws: UndefinedStatistic.self) { try LinearTrend(x: [0, 1, 2], y: [1, .nan, 3]) }
        #expect(throws: UndefinedStatistic.self) { try LinearTrend(x: [0, 1, 2], y: [1, 2]) }
        #expect(try LinearTrend(x: [0, 1, 2], y: [5, 5, 5]).crossing(of: 4) == nil, "a flat line never crosses")
    }
}
