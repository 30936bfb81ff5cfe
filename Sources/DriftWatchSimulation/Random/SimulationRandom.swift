import DriftStats

/// The random source of the simulation: uniform, normal, log-normal, Bernoulli, categorical
/// and Poisson draws from DriftStats' SplitMix64 generator.
///
/// Every transform is spelled out here instead of `Double.random(in:using:)`, whose
/// algorithm the standard library does not promise to keep, so a seed gives the same traffic
/// on every platform and Swift version. Each draw consumes a fixed number of 64-bit words.
struct SimulationRandom: Sendable {
    private var generator: SeededRandomNumberGenerator

    /// A source whose sequence is fixed by `seed`.
    init(seed: UInt64) { generator = SeededRandomNumberGenerator(seed: seed) }

    /// An independent source for one use (`purpose`) of one item (`index`, e.g. an event) of
    /// a run seeded with `seed`. Deriving one source per event lets a scenario transform an
    /// event without shifting the draws of the events after it.
    init(seed: UInt64, purpose: RandomPurpose, index: UInt64) {
        let mixed = Self.mix(seed ^ Self.mix(purpose.rawValue &+ Self.mix(index &+ 0x632B_E59B_D9B4_E019)))
        self.init(seed: mixed)
    }

    /// A uniform draw in the open interval (0, 1): 53 random bits, centred in their cell so
    /// that neither 0 nor 1 can occur.
    mutating func uniform() -> Double {
        (Double(generator.next() >> 11) + 0.5) * 0x1p-53
    }

    /// A standard normal draw, by inversion of one uniform.
    mutating func normal() -> Double { NormalQuantile.quantile(uniform()) }

    /// A normal draw with the given mean and standard deviation.
    mutating func normal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * normal()
    }

    /// A log-normal draw: `median`·e^(σZ).
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * PortableMath.exp(sigma * normal())
    }

    /// True with probability `probability`.
    mutating func bernoulli(_ probability: Double) -> Bool { uniform() < probability }

    /// A uniform draw in [`lower`, `upper`).
    mutating func uniform(from lower: Double, to upper: Double) -> Double {
        lower + (upper - lower) * uniform()
    }

    /// An index drawn with the probabilities whose running totals are `cumulative` (the last
    /// total is 1, or the last index takes the remainder).
    mutating func index(cumulative: [Double]) -> Int {
        let u = uniform()
        for (index, total) in cumulative.enumerated() where u < total { return index }
        return cumulative.count - 1
    }

    /// A Poisson draw with mean `mean`, by inversion of one uniform (suited to small means).
    mutating func poisson(mean: Double) -> Int {
        let u = uniform()
        var probability = PortableMath.exp(-mean)
        var total = probability
        var count = 0
        while u > total && count < 1_000 {
            count += 1
            probability *= mean / Double(count)
            total += probability
        }
        return count
    }

    /// SplitMix64's output function, a bijection that scatters nearby seeds.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What a derived random source is used for; each purpose gets its own sequence.
enum RandomPurpose: UInt64, Sendable {
    /// An event's inputs, outcome, latency and label timing.
    case event = 1
    /// The arrival times of a stream.
    case arrivals = 2
    /// A scenario's decisions for one event.
    case scenario = 3
    /// A training row of a demo model.
    case training = 4
    /// A row of a reference dataset.
    case reference = 5
}
