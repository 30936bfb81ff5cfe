import DriftStats
import Foundation
import Testing

/// The special functions and distribution tails against scipy on the committed grids.
@Suite struct SpecialFunctionTests {
    struct Grid: Decodable {
        var gammainc: [[Double]]
        var gammaincc: [[Double]]
        var betainc: [[Double]]
        var normSF: [[Double]]
        var tSF: [[Double]]
        var chi2SF: [[Double]]
        var hypergeomPMF: [[Double]]

        enum CodingKeys: String, CodingKey {
            case gammainc, gammaincc, betainc
            case normSF = "norm_sf"
            case tSF = "t_sf"
            case chi2SF = "chi2_sf"
            case hypergeomPMF = "hypergeom_pmf"
        }
    }

    let grid: Grid

    init() throws { grid = try Fixtures.load("special_functions", as: Grid.self) }

    /// Compares each row's last entry with `f` of the others, to `relative` (or 1e-300 absolute).
    private func check(_ rows: [[Double]], relative: Double, _ name: String, _ f: ([Double]) -> Double) {
        #expect(!rows.isEmpty, "\(name): empty grid")
        for row in rows {
            let expected = row[row.count - 1]
            let actual = f(Array(row.dropLast()))
            #expect(
                Fixtures.agrees(actual, expected, relative: relative, absolute: 1e-300),
                "\(name)\(row.dropLast()): \(actual) vs \(expected)")
        }
    }

    @Test func lowerIncompleteGamma() {
        check(grid.gammainc, relative: 1e-11, "gammainc") { IncompleteGamma.lowerRegularized($0[0], $0[1]) }
    }

    @Test func upperIncompleteGamma() {
        check(grid.gammaincc, relative: 1e-11, "gammaincc") { IncompleteGamma.upperRegularized($0[0], $0[1]) }
    }

    @Test func incompleteBeta() {
        check(grid.betainc, relative: 1e-11, "betainc") { IncompleteBeta.regularized(a: $0[0], b: $0[1], x: $0[2]) }
    }

    @Test func normalTail() {
        check(grid.normSF, relative: 1e-12, "norm.sf") { StandardNormal.sf($0[0]) }
    }

    @Test func studentTTail() {
        check(grid.tSF, relative: 1e-10, "t.sf") { StudentTDistribution(degreesOfFreedom: $0[0]).sf($0[1]) }
    }

    @Test func chiSquaredTail() {
        check(grid.chi2SF, relative: 1e-11, "chi2.sf") { ChiSquaredDistribution(degreesOfFreedom: $0[0]).sf($0[1]) }
    }

    @Test func hypergeometricPMF() {
        check(grid.hypergeomPMF, relative: 1e-9, "hypergeom.pmf") {
            HypergeometricDistribution(population: Int($0[1]), successes: Int($0[2]), draws: Int($0[3])).pmf(Int($0[0]))
        }
    }
}
