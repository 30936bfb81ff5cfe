import DriftStats
import Foundation
import Testing

@testable import DriftWatchCore

/// Adaptive thresholds from reference chunks: how a drift score behaves when the reference is
/// compared with itself, chunk by chunk.
@Suite struct ChunkBaselineTests {
    private static func normal(_ count: Int, mean: Double = 0, seed: UInt64) -> [Double] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return (0..<count).map { _ in
            let u = Double.random(in: Double.ulpOfOne..<1, using: &generator)
            let v = Double.random(in: 0..<1, using: &generator)
            return mean + (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
    }

    private static func reference(_ x: [Double], colours: [String: Int] = ["red": 600, "blue": 300, "green": 100])
        -> ReferenceDataset
    {
        ReferenceDataset(
            modelID: "m", source: "upload", rowCount: x.count,
            columns: [
                .init(name: "x", values: .numbers(x), missing: 0),
                .init(name: "colour", values: .categories(CategoryTally(counts: colours, missing: 0)), missing: 0),
            ],
            createdAt: Date(timeIntervalSince1970: 0))
    }

    /// A window's profile of `x` values, with colours in the given shares.
    private static func window(_ x: [Double], red: Int, blue: Int, green: Int) -> TrafficProfile {
        var profile = TrafficProfile()
        profile.count = x.count
        var numbers = FeatureProfile()
        for value in x { numbers.add(.number(value)) }
        var colours = FeatureProfile()
        for (label, count) in [("red", red), ("blue", blue), ("green", green)] {
            for _ in 0..<count { colours.add(.text(label)) }
        }
        profile.features = ["x": numbers, "colour": colours]
        return profile
    }

    private static func score(_ report: DriftReport, _ name: String) throws -> Double {
        try #require(report.features.first { $0.name == name }?.results.first?.result.statistic)
    }

    @Test func aWindowLikeTheReferenceStaysInsideTheBandAndAShiftedOneLeavesIt() throws {
        let reference = Self.reference(Self.normal(20_000, seed: 1))
        let baselines = reference.chunkBaselines(chunkSize: 1000)
        let x = try #require(baselines["x"])
        let colour = try #require(baselines["colour"])
        #expect(x.chunks == 20 && x.chunkSize == 1000)
        #expect(colour.chunks == 20)
        #expect(x.standardDeviation > 0 && colour.standardDeviation > 0)

        let alike = reference.drift(profile: Self.window(Self.normal(1000, seed: 2), red: 600, blue: 300, green: 100))
        #expect(try Self.score(alike, "x") < x.mean + 3 * x.standardDeviation)
        #expect(try Self.score(alike, "colour") < colour.mean + 3 * colour.standardDeviation)

        let shifted = reference.drift(
            profile: Self.window(Self.normal(1000, mean: 0.5, seed: 3), red: 300, blue: 300, green: 400))
        #expect(try Self.score(shifted, "x") > x.mean + 3 * x.standardDeviation)
        #expect(try Self.score(shifted, "colour") > colour.mean + 3 * colour.standardDeviation)
    }

    @Test func theBandNarrowsAsChunksGrowAndRepeatsExactly() throws {
        let reference = Self.reference(Self.normal(40_000, seed: 4))
        let small = try #require(reference.chunkBaselines(chunkSize: 200)["x"])
        let large = try #require(reference.chunkBaselines(chunkSize: 4000)["x"])
        #expect(large.mean < small.mean, "a score's noise floor falls with the sample size")
        #expect(large.standardDeviation < small.standardDeviation)
        #expect(reference.chunkBaselines(chunkSize: 200) == reference.chunkBaselines(chunkSize: 200))
    }

    @Test func numericChunksFollowTheReferencesOrder() throws {
        // The same values, once in time order with a level change halfway, once interleaved.
        let first = Self.normal(5000, seed: 5)
        let second = Self.normal(5000, mean: 1, seed: 6)
        let ordered = Self.reference(first + second)
        let interleaved = Self.reference(zip(first, second).flatMap { [$0, $1] })
        let changing = try #require(ordered.chunkBaselines(chunkSize: 500)["x"])
        let steady = try #require(interleaved.chunkBaselines(chunkSize: 500)["x"])
        #expect(changing.mean > 2 * steady.mean, "drift inside the reference widens its band")
    }

    @Test func chunkSizesAreBoundedByTheReference() throws {
        let tiny = Self.reference(Self.normal(30, seed: 7))
        #expect(tiny.chunkBaselines(chunkSize: 1000).isEmpty, "30 rows hold one chunk of 20")
        let small = Self.reference(Self.normal(100, seed: 8))
        let x = try #require(small.chunkBaselines(chunkSize: 1000)["x"])
        #expect(x.chunks == 2 && x.chunkSize == 50, "cut in two when the window is larger than the reference")
        let many = Self.reference(Self.normal(10_000, seed: 9))
        #expect(many.chunkBaselines(chunkSize: 100, maxChunks: 7)["x"]?.chunks == 7)
    }

    @Test func resultStatisticsAreTheSampleMeanAndStandardDeviation() throws {
        let values = [3.5, 1.25, -2, 8, 0.5, .nan, .infinity]
        let statistics = try #require(ResultStatistics(values))
        let finite = values.filter(\.isFinite)
        let mean = finite.reduce(0, +) / Double(finite.count)
        let variance = finite.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(finite.count - 1)
        #expect(statistics.count == 5)
        #expect(abs(statistics.mean - mean) < 1e-12)
        #expect(abs(statistics.standardDeviation - variance.squareRoot()) < 1e-12)
        #expect(ResultStatistics([Double]()) == nil)
        #expect(ResultStatistics([4.0]) == ResultStatistics(count: 1, mean: 4, standardDeviation: 0))
    }
}
