/// The MT19937 generator driven the way numpy's legacy `RandomState(seed)` drives it.
///
/// NannyML's calibration check splits the reference with scikit-learn's
/// `StratifiedShuffleSplit(random_state=42)`, which draws from `RandomState(42)`. Reproducing
/// its draws (Matsumoto & Nishimura 1998, seeded by `init_genrand`; numpy's masked rejection
/// sampling `random_interval`; Fisher–Yates from the last element in `shuffle`) reproduces
/// the splits, and so the calibration decision.
struct MersenneTwister {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 624

    /// Seeds the state as `init_genrand(seed)`.
    init(seed: UInt32) {
        state[0] = seed
        for i in 1..<624 {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
    }

    /// The next 32 random bits.
    mutating func next() -> UInt32 {
        if index >= 624 {
            for k in 0..<624 {
                let y = (state[k] & 0x8000_0000) | (state[(k + 1) % 624] & 0x7FFF_FFFF)
                state[k] = state[(k + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
            }
            index = 0
        }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// A uniform integer in 0...maximum: draws masked to the smallest covering power of two
    /// until one fits (numpy's `random_interval`, 64-bit draws above 2³² − 1).
    mutating func interval(_ maximum: Int) -> Int {
        guard maximum > 0 else { return 0 }
        let limit = UInt64(maximum)
        var mask = limit
        for shift in [1, 2, 4, 8, 16, 32] as [UInt64] { mask |= mask >> shift }
        while true {
            let draw = limit <= UInt64(UInt32.max) ? UInt64(next()) : UInt64(next()) << 32 | UInt64(next())
            let value = draw & mask
            if value <= limit { return Int(value) }
        }
    }

    /// Shuffles in place as `RandomState.shuffle` does a one-dimensional array.
    mutating func shuffle<T>(_ values: inout [T]) {
        var i = values.count - 1
        while i > 0 {
            values.swapAt(i, interval(i))
            i -= 1
        }
    }

    /// `RandomState.permutation(n)`: 0..<n shuffled.
    mutating func permutation(_ n: Int) -> [Int] {
        var values = Array(0..<n)
        shuffle(&values)
        return values
    }
}
