import DriftStats
import Foundation
import Testing

/// Small hand-checked vectors for the scipy ports of the two-sample tests. Each expected value
/// was printed by scipy 1.17.1 / numpy 2.4.6 from the Python line in the comment above it
/// (`from scipy import stats; import numpy as np`).
private func sample(_ values: [Double]) -> SortedSample { SortedSample(values) }

/// Statistic to 1e-9 relative, p-value to 1e-6 relative or 1e-12 absolute.
private func expect(
    _ outcome: DriftOutcome, statistic: Double, pValue: Double,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        Fixtures.agrees(outcome.statistic, statistic, relative: 1e-9, absolute: 1e-12),
        "statistic \(outcome.statistic) vs \(statistic)", sourceLocation: sourceLocation)
    let p = outcome.pValue ?? .nan
    #expect(
        Fixtures.agrees(p, pValue, relative: 1e-6, absolute: 1e-12), "p \(p) vs \(pValue)",
        sourceLocation: sourceLocation)
}

private let continuousX = sample([1.2, 3.4, 0.5, 2.2, 4.1])
private let continuousY = sample([2.8, 5.1, 3.3, 6.0])
private let tiedX = sample([1, 2, 2, 3, 4])
private let tiedY = sample([2, 3, 3, 5, 6, 6])

@Suite struct AndersonDarlingTestTests {
    @Test func interpolatesBetweenCriticalValues() throws {
        // stats.anderson_ksamp([[1.2, 3.4, 0.5, 2.2, 4.1], [2.8, 5.1, 3.3, 6.0]])
        expect(
            try AndersonDarlingTest.test(continuousX, continuousY),
            statistic: 0.8505560986028099, pValue: 0.1462908961517757)
        // stats.anderson_ksamp([[1, 2], [3, 4]])
        expect(
            try AndersonDarlingTest.test(sample([1, 2]), sample([3, 4])),
            statistic: 1.5427784316797186, pValue: 0.07502559142197442)
    }

    @Test func usesMidranksForTies() throws {
        // stats.anderson_ksamp([[1, 2, 2, 3, 4], [2, 3, 3, 5, 6, 6]])
        expect(
            try AndersonDarlingTest.test(tiedX, tiedY), statistic: 1.5714284877622717,
            pValue: 0.07300786687583835)
    }

    @Test func clipsPValueToTabulatedRange() throws {
        // stats.anderson_ksamp([[1, 2, 3, 4, 5], [2, 3, 4, 5, 6]])
        expect(
            try AndersonDarlingTest.test(sample([1, 2, 3, 4, 5]), sample([2, 3, 4, 5, 6])),
            statistic: -0.44407086179140093, pValue: 0.25)
        // stats.anderson_ksamp([np.arange(10), np.arange(10) + 100])
        let low = (0..<10).map(Double.init)
        expect(
            try AndersonDarlingTest.test(sample(low), sample(low.map { $0 + 100 })),
            statistic: 9.85747217001257, pValue: 0.001)
    }

    @Test func undefinedWhereScipyFails() {
        // anderson_ksamp raises ValueError (one distinct value), IndexError (N = 2) and
        // returns NaN for N = 3.
        #expect(throws: UndefinedStatistic.self) {
            try AndersonDarlingTest.test(sample([1, 1]), sample([1]))
        }
        #expect(throws: UndefinedStatistic.self) {
            try AndersonDarlingTest.test(sample([1]), sample([2]))
        }
        #expect(throws: UndefinedStatistic.self) {
            try AndersonDarlingTest.test(sample([1]), sample([2, 3]))
        }
        #expect(throws: UndefinedStatistic.self) {
            try AndersonDarlingTest.test(sample([]), sample([2, 3]))
        }
    }
}

@Suite struct CramerVonMisesTestTests {
    @Test func exactForSmallSamples() throws {
        // stats.cramervonmises_2samp([1.2, 3.4, 0.5, 2.2, 4.1], [2.8, 5.1, 3.3, 6.0])
        expect(
            try CramerVonMisesTest.test(continuousX, continuousY), statistic: 0.27037037037037037,
            pValue: 0.20634920634920634)
        // stats.cramervonmises_2samp([1, 2, 2, 3, 4], [2, 3, 3, 5, 6, 6])
        expect(
            try CramerVonMisesTest.test(tiedX, tiedY), statistic: 0.3090909090909093,
            pValue: 0.13852813852813853)
    }

    @Test func switchesToAsymptoticAboveTwentyValues() throws {
        let twenty = (0..<20).map(Double.init)
        let shifted = (0..<19).map { Double($0) + 2.5 }
        // stats.cramervonmises_2samp(np.arange(20), np.arange(19) + 2.5); asymptotic gives 0.594
        expect(
            try CramerVonMisesTest.test(sample(twenty), sample(shifted)), statistic: 0.10335132703553729,
            pValue: 0.5913583091993887)
        // stats.cramervonmises_2samp(np.arange(21), np.arange(19) + 2.5)
        expect(
            try CramerVonMisesTest.test(sample(twenty + [20]), sample(shifted)),
            statistic: 0.06488095238095237, pValue: 0.8184841654455159)
        // stats.cramervonmises_2samp(np.arange(25), np.arange(30) * 0.9 + 3)
        expect(
            try CramerVonMisesTest.test(
                sample((0..<25).map(Double.init)), sample((0..<30).map { Double($0) * 0.9 + 3 })),
            statistic: 0.29869696969696946, pValue: 0.13789347840078559)
    }

    @Test func constantSamplesAreDefined() throws {
        // stats.cramervonmises_2samp([1, 1, 1], [1, 1, 1])
        expect(
            try CramerVonMisesTest.test(sample([1, 1, 1]), sample([1, 1, 1])), statistic: 0, pValue: 1)
    }

    @Test func needsTwoValuesPerSample() {
        // stats.cramervonmises_2samp([1], [2, 3]) is NaN
        #expect(throws: UndefinedStatistic.self) {
            try CramerVonMisesTest.test(sample([1]), sample([2, 3]))
        }
    }
}

@Suite struct MannWhitneyUTestTests {
    @Test func exactWithoutTies() throws {
        // stats.mannwhitneyu([19, 22, 16, 29, 24], [20, 11, 17, 12])
        expect(
            try MannWhitneyUTest.test(sample([19, 22, 16, 29, 24]), sample([20, 11, 17, 12])),
            statistic: 17, pValue: 0.1111111111111111)
        // stats.mannwhitneyu(np.arange(8), np.arange(40) * 0.5 + 0.25)
        expect(
            try MannWhitneyUTest.test(
                sample((0..<8).map(Double.init)), sample((0..<40).map { Double($0) * 0.5 + 0.25 })),
            statistic: 56, pValue: 0.0028223740275825407)
        // stats.mannwhitneyu([1.5], [0.5, 2.5, 3.5])
        expect(
            try MannWhitneyUTest.test(sample([1.5]), sample([0.5, 2.5, 3.5])), statistic: 1, pValue: 1)
    }

    @Test func asymptoticWithTiesOrLargeSamples() throws {
        // stats.mannwhitneyu([1, 2, 2, 3, 4], [2, 3, 3, 5, 6, 6])
        expect(
            try MannWhitneyUTest.test(tiedX, tiedY), statistic: 6, pValue: 0.1130499788563229)
        // stats.mannwhitneyu(np.arange(9) * 1.5, np.arange(10) + 4.25)
        expect(
            try MannWhitneyUTest.test(
                sample((0..<9).map { Double($0) * 1.5 }), sample((0..<10).map { Double($0) + 4.25 })),
            statistic: 27, pValue: 0.15304188415882009)
    }

    @Test func constantSamplesGiveOne() throws {
        // stats.mannwhitneyu([3, 3, 3], [3, 3, 3, 3])
        expect(
            try MannWhitneyUTest.test(sample([3, 3, 3]), sample([3, 3, 3, 3])), statistic: 6, pValue: 1)
    }

    @Test func needsValuesInBothSamples() {
        #expect(throws: UndefinedStatistic.self) {
            try MannWhitneyUTest.test(sample([]), sample([1, 2]))
        }
    }
}

@Suite struct WelchTTestTests {
    @Test func matchesScipy() throws {
        // stats.ttest_ind([1.2, 3.4, 0.5, 2.2, 4.1], [2.8, 5.1, 3.3, 6.0], equal_var=False)
        expect(
            try WelchTTest.test(continuousX, continuousY), statistic: -2.009577227531331,
            pValue: 0.08725610564410712)
        // stats.ttest_ind([2, 2, 2, 2], [1, 2, 3, 4, 5], equal_var=False)
        expect(
            try WelchTTest.test(sample([2, 2, 2, 2]), sample([1, 2, 3, 4, 5])),
            statistic: -1.414213562373095, pValue: 0.2301996410804989)
    }

    @Test func undefinedWhenBothConstantOrTooSmall() {
        // stats.ttest_ind([1, 1, 1], [2, 2, 2], equal_var=False) is (-inf, 0.0)
        #expect(throws: UndefinedStatistic.self) {
            try WelchTTest.test(sample([1, 1, 1]), sample([2, 2, 2]))
        }
        // stats.ttest_ind([1, 1, 1], [1, 1], equal_var=False) is NaN
        #expect(throws: UndefinedStatistic.self) {
            try WelchTTest.test(sample([1, 1, 1]), sample([1, 1]))
        }
        // stats.ttest_ind([1], [2, 3], equal_var=False) is NaN
        #expect(throws: UndefinedStatistic.self) { try WelchTTest.test(sample([1]), sample([2, 3])) }
    }
}

@Suite struct EppsSingletonTestTests {
    @Test func appliesSmallSampleCorrection() throws {
        // stats.epps_singleton_2samp([1.2, 3.4, 0.5, 2.2, 4.1, 2.9],
        //                            [2.8, 5.1, 3.3, 6.0, 4.4, 3.9, 5.5])
        expect(
            try EppsSingletonTest.test(
                sample([1.2, 3.4, 0.5, 2.2, 4.1, 2.9]), sample([2.8, 5.1, 3.3, 6.0, 4.4, 3.9, 5.5])),
            statistic: 4.764693842067376, pValue: 0.31230434647693234)
    }

    @Test func uncorrectedFromTwentyFiveValues() throws {
        // stats.epps_singleton_2samp(np.arange(30) * 7 % 30 / 3, np.arange(40) * 11 % 40 / 4 + 1)
        expect(
            try EppsSingletonTest.test(
                sample((0..<30).map { Double($0 * 7 % 30) / 3 }),
                sample((0..<40).map { Double($0 * 11 % 40) / 4 + 1 })),
            statistic: 5.5385708715170345, pValue: 0.2363598157939853)
    }

    @Test func singularCovarianceLowersDegreesOfFreedom() throws {
        // stats.epps_singleton_2samp([0, 0, 0, 0, 1, 1], [0, 0, 1, 1, 1, 1]); χ² with 1 df
        expect(
            try EppsSingletonTest.test(sample([0, 0, 0, 0, 1, 1]), sample([0, 0, 1, 1, 1, 1])),
            statistic: 0.6557783839689758, pValue: 0.4180543006886831)
        // stats.epps_singleton_2samp([0, 1] * 5, [0, 1] * 6) is (1.06e-33, 1.0): rounding noise
        let binary = try EppsSingletonTest.test(
            sample((0..<10).map { Double($0 % 2) }), sample((0..<12).map { Double($0 % 2) }))
        #expect(abs(binary.statistic) < 1e-20)
        #expect(binary.pValue == 1)
    }

    @Test func undefinedWhereScipyFails() {
        // Fewer than five values: NaN.
        #expect(throws: UndefinedStatistic.self) {
            try EppsSingletonTest.test(sample([1, 2, 3, 4]), sample([1, 2, 3, 4, 5]))
        }
        // stats.epps_singleton_2samp([0] * 6, [0, 0, 0, 0, 1]) raises LinAlgError (IQR zero)
        #expect(throws: UndefinedStatistic.self) {
            try EppsSingletonTest.test(sample([0, 0, 0, 0, 0, 0]), sample([0, 0, 0, 0, 1]))
        }
        // stats.epps_singleton_2samp([0] * 5, [1] * 5) is (0.0, nan): χ² with 0 df
        #expect(throws: UndefinedStatistic.self) {
            try EppsSingletonTest.test(sample([0, 0, 0, 0, 0]), sample([1, 1, 1, 1, 1]))
        }
    }
}
