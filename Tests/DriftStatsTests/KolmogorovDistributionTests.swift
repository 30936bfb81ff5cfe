import DriftStats
import Foundation
import Testing

/// `KolmogorovDistribution` against scipy 1.17's `kstwo` and `special.smirnov`.
@Suite struct KolmogorovDistributionTests {
    struct Grid: Decodable {
        var kstwoSF: [[Double]]
        var smirnov: [[Double]]

        enum CodingKeys: String, CodingKey {
            case smirnov
            case kstwoSF = "kstwo_sf"
        }
    }

    let grid: Grid

    init() throws { grid = try Fixtures.load("special_functions", as: Grid.self) }

    /// Whether a probability agrees with scipy to 1e-6 relative or 1e-12 absolute.
    private func agrees(_ actual: Double, _ expected: Double) -> Bool {
        Fixtures.agrees(actual, expected, relative: 1e-6, absolute: 1e-12)
    }

    @Test func survivalFunctionMatchesScipyGrid() {
        #expect(!grid.kstwoSF.isEmpty)
        for row in grid.kstwoSF {
            let actual = KolmogorovDistribution.sf(row[1], n: Int(row[0]))
            #expect(agrees(actual, row[2]), "kstwo.sf(\(row[1]), \(Int(row[0]))): \(actual) vs \(row[2])")
        }
    }

    @Test func smirnovMatchesScipyGrid() {
        #expect(!grid.smirnov.isEmpty)
        for row in grid.smirnov {
            let actual = KolmogorovDistribution.smirnov(n: Int(row[0]), d: row[1])
            #expect(agrees(actual, row[2]), "smirnov(\(Int(row[0])), \(row[1])): \(actual) vs \(row[2])")
        }
    }

    /// One point per branch of scipy's `_kolmogn`: (n, d, kstwo.cdf, kstwo.sf).
    @Test(arguments: [
        (10, 0.08, 2.194196594688005e-06, 0.9999978058034054),  // Ruben–Gambino, d ≤ 1/n
        (141, 0.007, 4.2193653962251044e-62, 1.0),  // Ruben–Gambino, n > 140
        (10, 0.92, 0.9999999999785252, 2.1474836479999892e-11),  // Ruben–Gambino, d ≥ 1 − 1/n
        (20, 0.6, 0.9999997951698835, 2.0483011649719853e-07),  // 2·smirnov, d ≥ 1/2
        (50, 0.1, 0.3376887295341814, 0.6623112704658186),  // Durbin, n ≤ 140
        (50, 0.2, 0.9685612222304676, 0.03143877776953241),  // Pomeranz
        (50, 0.35, 0.9999944264764852, 5.573523514803185e-06),  // 2·smirnov, n ≤ 140
        (1000, 0.012, 0.0015535331379903396, 0.9984464668620097),  // Durbin, n > 140
        (1000, 0.03, 0.6773097856085364, 0.3226902143914636),  // Pelz–Good
        (1000, 0.2, 1.0, 1.5528629204250538e-35),  // n·d² ≥ 18: CDF 1, SF 2·smirnov
    ])
    func eachBranchMatchesScipy(n: Int, d: Double, cdf: Double, sf: Double) {
        #expect(agrees(KolmogorovDistribution.cdf(d, n: n), cdf))
        #expect(agrees(KolmogorovDistribution.sf(d, n: n), sf))
    }

    @Test func supportEdges() {
        #expect(KolmogorovDistribution.sf(0, n: 5) == 1)
        #expect(KolmogorovDistribution.sf(0.1, n: 5) == 1)
        #expect(KolmogorovDistribution.sf(1, n: 5) == 0)
        #expect(KolmogorovDistribution.cdf(0.1, n: 5) == 0)
        #expect(KolmogorovDistribution.sf(0.5, n: 0).isNaN)
        #expect(KolmogorovDistribution.smirnov(n: 5, d: 1.5).isNaN)
    }
}
