import DriftStats
import DriftWatchCore
import Foundation
import Testing

@Suite struct DriftReportTests {
    private func normal(_ count: Int, mean: Double = 0, seed: UInt64) -> [Double] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return (0..<count).map { _ in
            // Box–Muller; deterministic for a seed.
            let u = Double.random(in: Double.ulpOfOne..<1, using: &generator)
            let v = Double.random(in: 0..<1, using: &generator)
            return mean + (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
    }

    @Test func automaticChoiceDependsOnSizeAndKind() {
        let columns = [
            ColumnPair(name: "small", reference: normal(200, seed: 1), current: normal(200, seed: 2)),
            ColumnPair(name: "large", reference: normal(5000, seed: 3), current: normal(5000, seed: 4)),
            ColumnPair(name: "few_values", reference: [1, 2, 3, 1, 2, 3], current: [1, 1, 2, 3, 3, 3]),
            ColumnPair(name: "binary", reference: ["a", "b", "a", nil], current: ["b", "b", "a"]),
            ColumnPair(
                name: "many_levels", reference: (0..<2000).map { "L\($0 % 7)" },
                current: (0..<2000).map { "L\($0 % 5)" }),
        ]
        let report = DriftReport.compute(columns: columns, referenceRows: 0, currentRows: 0)
        let chosen = report.features.map { $0.results.map(\.result.method) }
        #expect(chosen == [[.ks], [.wassersteinNormed], [.chiSquare], [.z], [.jensenShannon]])
        #expect(report.features.allSatisfy { $0.results.allSatisfy(\.automatic) })
        #expect(report.features.map(\.kind) == [.numeric, .numeric, .numeric, .categorical, .categorical])
        #expect(report.features[3].missingReference == 1)
    }

    @Test func explicitMethodsApplyToTheKindsTheyAccept() {
        let columns = [
            ColumnPair(name: "x", reference: normal(100, seed: 1), current: normal(100, mean: 1, seed: 2)),
            ColumnPair(name: "c", reference: ["a", "b", "c"], current: ["a", "a", "c"]),
        ]
        let options = DriftReportOptions(methods: [.ks, .psi, .chiSquare])
        let report = DriftReport.compute(columns: columns, referenceRows: 0, currentRows: 0, options: options)
        #expect(report.features[0].results.map(\.result.method) == [.ks, .psi])
        #expect(report.features[1].results.map(\.result.method) == [.psi, .chiSquare])
        #expect(report.features[0].drift)
    }

    @Test func benjaminiHochbergAdjustsEachMethodAcrossColumns() throws {
        let columns = (0..<6).map { i in
            ColumnPair(
                name: "f\(i)", reference: normal(150, seed: UInt64(i)),
                current: normal(150, mean: Double(i) * 0.08, seed: UInt64(100 + i)))
        }
        let options = DriftReportOptions(methods: [.ks, .tTest])
        let report = DriftReport.compute(columns: columns, referenceRows: 150, currentRows: 150, options: options)
        for (index, method) in [DriftMethod.ks, .tTest].enumerated() {
            let raw = report.features.compactMap { $0.results[index].result.pValue }
            let adjusted = report.features.compactMap { $0.results[index].adjustedPValue }
            try #require(raw.count == columns.count, "\(method) gave no p-value")
            #expect(adjusted == BenjaminiHochberg.adjust(raw), "\(method)")
            for (feature, p) in zip(report.features, adjusted) {
                #expect(feature.results[index].result.drift == (p < feature.results[index].result.threshold))
            }
        }
        let uncorrected = DriftReport.compute(
            columns: columns, referenceRows: 150, currentRows: 150,
            options: DriftReportOptions(methods: [.ks], correction: .none))
        #expect(uncorrected.features.allSatisfy { $0.results[0].adjustedPValue == $0.results[0].result.pValue })
    }

    @Test func datasetDriftNeedsTheShareToReachTheThreshold() {
        let columns = [
            ColumnPair(name: "shifted", reference: normal(300, seed: 1), current: normal(300, mean: 2, seed: 2)),
            ColumnPair(name: "stable1", reference: normal(300, seed: 3), current: normal(300, seed: 4)),
            ColumnPair(name: "stable2", reference: normal(300, seed: 5), current: normal(300, seed: 6)),
        ]
        let half = DriftReport.compute(columns: columns, referenceRows: 300, currentRows: 300)
        #expect(half.datasetDrift.drifted == 1)
        #expect(half.datasetDrift.total == 3)
        #expect(!half.datasetDrift.detected)
        let third = DriftReport.compute(
            columns: columns, referenceRows: 300, currentRows: 300,
            options: DriftReportOptions(datasetDriftShare: 1.0 / 3))
        #expect(third.datasetDrift.detected)
    }

    @Test func aColumnWithNoValuesIsUndefinedNotDrifted() {
        let columns = [ColumnPair(name: "empty", reference: [1, 2, 3], current: [.nan, .infinity])]
        let report = DriftReport.compute(columns: columns, referenceRows: 3, currentRows: 2)
        let result = report.features[0].results[0].result
        #expect(result.statistic == nil)
        #expect(result.reason == "the current sample has no values")
        #expect(!report.features[0].drift)
        #expect(report.features[0].missingCurrent == 2)
    }
}
