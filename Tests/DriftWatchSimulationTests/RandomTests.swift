import DriftStats
import Foundation
import Testing

@testable import DriftWatchSimulation

/// The portable transforms behind every random draw.
@Suite struct RandomTests {
    @Test func portableExpMatchesTheCLibraryToAnUlp() {
        var worst = 0.0
        for step in -7_000...7_000 {
            let x = Double(step) * 0.1013
            let expected = Foundation.exp(x)
            worst = max(worst, abs(PortableMath.exp(x) - expected) / expected)
        }
        #expect(worst <= 2.3e-16, "worst relative error \(worst)")
        #expect(PortableMath.exp(0) == 1)
        #expect(PortableMath.exp(1_000) == .infinity)
        #expect(PortableMath.exp(-1_000) == 0)
    }

    @Test func portableLogMatchesTheCLibraryToAnUlp() {
        var worst = 0.0
        for step in 1...20_000 {
            let x = Double(step) * 0.000_731 * Double(1 << (step % 40))
            let expected = Foundation.log(x)
            worst = max(worst, abs(PortableMath.log(x) - expected) / max(abs(expected), 1e-300))
        }
        #expect(worst <= 2.3e-16, "worst relative error \(worst)")
        #expect(PortableMath.log(1) == 0)
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
    }

    @Test func normalQuantileInvertsTheNormalCDF() {
        // Rounding x by one ulp moves Φ(x) by a relative |x|·ulp(x) ≈ x²·1.1e−16, so the error
        // allowed grows with x² in the tails.
        var worst = 0.0
        let probabilities =
            stride(from: -300.0, through: -1, by: 0.5).map { Foundation.pow(10, $0) }
            + (1..<1_000).map { Double($0) / 1_000 }
        for p in probabilities {
            let x = NormalQuantile.quantile(p)
            worst = max(worst, abs(StandardNormal.cdf(x) - p) / p / (1 + x * x))
        }
        #expect(worst < 1e-15, "worst scaled relative error \(worst)")
        #expect(NormalQuantile.quantile(0.5) == 0)
        #expect(abs(NormalQuantile.quantile(0.975) - 1.959_963_984_540_054) < 1e-15)
    }

    @Test func drawsHaveTheirDistributions() {
        var random = SimulationRandom(seed: 3)
        let normals = (0..<100_000).map { _ in random.normal() }
        let m = mean(normals)
        let variance = normals.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(normals.count)
        #expect(abs(m) < 0.01 && abs(variance - 1) < 0.02, "mean \(m), variance \(variance)")
        let poissons = (0..<100_000).map { _ in Double(random.poisson(mean: 2.5)) }
        #expect(abs(mean(poissons) - 2.5) < 0.02)
        let uniforms = (0..<100_000).map { _ in random.uniform() }
        #expect(uniforms.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(abs(mean(uniforms) - 0.5) < 0.005)
    }

    @Test func derivedSourcesAreIndependentOfEachOther() {
        var first = SimulationRandom(seed: 9, purpose: .event, index: 0)
        var second = SimulationRandom(seed: 9, purpose: .event, index: 1)
        var otherPurpose = SimulationRandom(seed: 9, purpose: .reference, index: 0)
        let a = (0..<8).map { _ in first.uniform() }
        #expect(a != (0..<8).map { _ in second.uniform() })
        #expect(a != (0..<8).map { _ in otherPurpose.uniform() })
    }
}
