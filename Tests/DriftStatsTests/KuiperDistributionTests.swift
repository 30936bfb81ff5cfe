import DriftStats
import Foundation
import Testing

/// `KuiperDistribution` against astropy 8.0's `kuiper_false_positive_probability`.
@Suite struct KuiperDistributionTests {
    struct Grid: Decodable {
        var kuiperFPP: [[Double]]

        enum CodingKeys: String, CodingKey {
            case kuiperFPP = "kuiper_fpp"
        }
    }

    let grid: Grid

    init() throws { grid = try Fixtures.load("special_functions", as: Grid.self) }

    @Test func falsePositiveProbabilityMatchesAstropyGrid() {
        #expect(!grid.kuiperFPP.isEmpty)
        for row in grid.kuiperFPP {
            let actual = KuiperDistribution.falsePositiveProbability(row[0], effectiveSize: row[1])
            #expect(
                Fixtures.agrees(actual, row[2], relative: 1e-6, absolute: 1e-12),
                "kuiper_fpp(\(row[0]), \(row[1])): \(actual) vs \(row[2])")
        }
    }

    /// Where astropy returns a complex number or raises, the port returns NaN.
    @Test(arguments: [
        (0.4666666666666666, 1.875),  // negative base to a fractional power: complex
        (0.012, 200.0),  // 200 ** 198 raises OverflowError
        (2.5, 10.0),  // outside 0 ≤ D ≤ 2 raises ValueError
    ])
    func undefinedWhereAstropyGivesNoReal(d: Double, n: Double) {
        #expect(KuiperDistribution.falsePositiveProbability(d, effectiveSize: n).isNaN)
    }
}
