import DriftWatchCharts
import Testing

/// Expected ticks follow Heckbert's algorithm by hand: range′ = nice(upper − lower) rounded
/// up to 1/2/5/10 × 10ⁿ, step = nice(range′ / 4) rounded to the nearest of 1/2/5/10 × 10ⁿ
/// (cut-offs 1.5, 3, 7), ticks from floor(lower / step) to ceil(upper / step) times step.
@Suite struct NiceTicksTests {
    @Test("0…97: range 97 rounds up to 100, 100/4 = 25 rounds to 20, so 0, 20, …, 100")
    func zeroToNinetySeven() {
        let ticks = NiceTicks(lower: 0, upper: 97)
        #expect(ticks.values == [0, 20, 40, 60, 80, 100])
        #expect(ticks.step == 20)
        #expect(ticks.domain == 0...100)
        #expect(ticks.values.map(ticks.label(for:)) == ["0", "20", "40", "60", "80", "100"])
    }

    @Test("0.001…0.0093: range 0.0083 rounds up to 0.01, 0.0025 rounds to 0.002, so 0 … 0.01")
    func smallDecimals() {
        let ticks = NiceTicks(lower: 0.001, upper: 0.0093)
        // Exact equality: ticks are integers divided by a power of ten, the nearest doubles.
        #expect(ticks.values == [0, 0.002, 0.004, 0.006, 0.008, 0.01])
        #expect(ticks.label(for: 0.006) == "0.006")
        #expect(ticks.label(for: 0) == "0.000")
    }

    @Test("−37…12: range 49 rounds up to 50, 12.5 rounds to 10, so −40 … 20")
    func negativeRange() {
        let ticks = NiceTicks(lower: -37, upper: 12)
        #expect(ticks.values == [-40, -30, -20, -10, 0, 10, 20])
        #expect(ticks.label(for: -40) == "-40")
    }

    @Test("−0.5…−0.05: range 0.45 rounds up to 0.5, 0.125 rounds to 0.1, so −0.5 … 0")
    func negativeDecimals() {
        let ticks = NiceTicks(lower: -0.5, upper: -0.05)
        #expect(ticks.values == [-0.5, -0.4, -0.3, -0.2, -0.1, 0])
        #expect(ticks.values.map(ticks.label(for:)) == ["-0.5", "-0.4", "-0.3", "-0.2", "-0.1", "0.0"])
    }

    @Test("A single value 5 widens to 0…5: range 5, 1.25 rounds to 1, so 0, 1, …, 5")
    func singleValue() {
        let ticks = NiceTicks(lower: 5, upper: 5)
        #expect(ticks.values == [0, 1, 2, 3, 4, 5])
    }

    @Test("All values 0 widen to 0…1: range 1, 0.25 rounds to 0.2, so 0, 0.2, …, 1")
    func allZero() {
        let ticks = NiceTicks(lower: 0, upper: 0)
        #expect(ticks.values == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test("All values −3 widen to −3…0: range 3 rounds up to 5, 1.25 rounds to 1, so −3 … 0")
    func allEqualNegative() {
        #expect(NiceTicks(lower: -3, upper: -3).values == [-3, -2, -1, 0])
    }

    @Test("Tight extent 3…97 keeps the domain and the step 20 multiples inside it")
    func tightExtent() {
        let ticks = NiceTicks(lower: 3, upper: 97, extent: .tight)
        #expect(ticks.values == [20, 40, 60, 80])
        #expect(ticks.domain == 3...97)
    }

    @Test("Reversed bounds and non-finite bounds are tolerated")
    func unusualBounds() {
        #expect(NiceTicks(lower: 97, upper: 0).values == [0, 20, 40, 60, 80, 100])
        #expect(NiceTicks(lower: .nan, upper: 5).values == [0, 1, 2, 3, 4, 5])
        #expect(NiceTicks(lower: -.infinity, upper: .infinity).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test("0…50 000: range 5e4, 12 500 rounds to 1e4; labels use a k suffix")
    func thousandsSuffix() {
        let ticks = NiceTicks(lower: 0, upper: 50_000)
        #expect(ticks.values == [0, 10_000, 20_000, 30_000, 40_000, 50_000])
        #expect(ticks.values.map(ticks.label(for:)) == ["0", "10k", "20k", "30k", "40k", "50k"])
        // 0…2.5e6 with 11 ticks: range 5e6, 5e5 stays 5e5, so half-million steps need a decimal.
        let millions = NiceTicks(lower: 0, upper: 2_500_000, targetCount: 11)
        #expect(millions.values.map(millions.label(for:)) == ["0", "0.5M", "1.0M", "1.5M", "2.0M", "2.5M"])
    }

    @Test("More target ticks give a finer step: 0…97 with 11 ticks steps by 10")
    func targetCount() {
        #expect(
            NiceTicks(lower: 0, upper: 97, targetCount: 11).values
                == stride(from: 0, through: 100, by: 10).map(Double.init))
    }
}
