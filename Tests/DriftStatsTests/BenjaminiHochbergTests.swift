import DriftStats
import Testing

@Suite struct BenjaminiHochbergTests {
    @Test func agreesWithScipyFalseDiscoveryControl() {
        let cases = DriftMethodFixtures.shared.benjaminiHochberg
        #expect(!cases.isEmpty)
        for fixture in cases {
            let adjusted = BenjaminiHochberg.adjust(fixture.pValues)
            #expect(adjusted.count == fixture.adjusted.count)
            for (actual, expected) in zip(adjusted, fixture.adjusted) {
                #expect(Fixtures.agrees(actual, expected, relative: 1e-14, absolute: 0), "\(actual) vs \(expected)")
            }
        }
    }

    @Test func emptyInputGivesNoValues() {
        #expect(BenjaminiHochberg.adjust([]).isEmpty)
    }
}
