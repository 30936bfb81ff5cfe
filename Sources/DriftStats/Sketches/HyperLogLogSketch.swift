import Foundation

/// A HyperLogLog distinct-count sketch (Flajolet, Fusy, Gandouet & Meunier 2007) with 2ᵖ
/// registers and a 64-bit hash.
///
/// Each value is hashed with xxHash64 (a Double by its bit pattern with −0 read as +0, a
/// String by its UTF-8 bytes); the top p bits pick a register, which keeps the largest count
/// of leading zeros, plus one, seen in the remaining 64 − p bits. ``estimate`` is Ertl's
/// improved raw estimator (Ertl 2017, "New cardinality estimation algorithms for HyperLogLog
/// sketches", algorithm 6, as Redis uses): the harmonic mean of Flajolet et al. with the
/// empty registers entering through σ, a smooth form of the linear-counting small-range
/// correction m·ln(m/V), and the saturated ones through τ. Flajolet's hard switch to linear
/// counting at 2.5m leaves a bias of about 2.4 % just above it (measured at p = 14, about
/// three standard errors); this estimator needs neither that switch nor HLL++'s empirical
/// bias tables, and with 64 hash bits no large-range correction.
///
/// Error: relative standard error 1.04/√m (0.81 % at the default p = 14, 16 KiB of
/// registers) over the whole range, and below that for n ≲ m; a relative error beyond four
/// standard errors has probability about 6·10⁻⁵. Merging takes the register-wise maximum,
/// which is exactly associative and commutative; a sketch merged with one of lower precision
/// first folds its registers down to that precision, losslessly. NaN and infinities are
/// missing values, as in ``SortedSample``, and are not counted.
public struct HyperLogLogSketch: Sendable, Hashable {
    /// The default precision: 16,384 registers.
    public static let defaultPrecision = 14

    /// p: the sketch has 2ᵖ registers.
    public private(set) var precision: Int
    /// Register j holds the largest rank seen among values hashed to it, 0 when none.
    private(set) var registers: [UInt8]

    /// Creates an empty sketch with 2^precision registers, precision in 4...18.
    public init(precision: Int = defaultPrecision) {
        precondition((4...18).contains(precision), "precision must be in 4...18")
        self.init(precision: precision, registers: [UInt8](repeating: 0, count: 1 << precision))
    }

    /// Assembles a sketch from checked registers.
    init(precision: Int, registers: [UInt8]) {
        self.precision = precision
        self.registers = registers
    }

    /// Adds one number.
    public mutating func add(_ value: Double) {
        guard value.isFinite else { return }
        let p = precision
        registers.withUnsafeMutableBufferPointer { Self.update($0, p, Self.hash(value)) }
    }

    /// Adds one string.
    public mutating func add(_ value: String) {
        let p = precision
        let hash = XXHash64.hash(value)
        registers.withUnsafeMutableBufferPointer { Self.update($0, p, hash) }
    }

    /// Adds every number of a sequence.
    public mutating func add(contentsOf values: some Sequence<Double>) {
        let p = precision
        registers.withUnsafeMutableBufferPointer { registers in
            let added: Void? = values.withContiguousStorageIfAvailable { values in
                for value in values where value.isFinite { Self.update(registers, p, Self.hash(value)) }
            }
            if added == nil {
                for value in values where value.isFinite { Self.update(registers, p, Self.hash(value)) }
            }
        }
    }

    /// Adds every string of a sequence.
    public mutating func add(contentsOf values: some Sequence<String>) {
        for value in values { add(value) }
    }

    /// The estimated number of distinct values added: Ertl's improved raw estimator,
    /// α∞·m² / (m·σ(C₀/m) + Σₖ Cₖ·2⁻ᵏ + m·τ(1 − C_{q+1}/m)·2⁻ᑫ), where Cₖ counts the registers
    /// holding k and q = 64 − p.
    public var estimate: Double {
        let q = 64 - precision
        var histogram = [Int](repeating: 0, count: q + 2)
        for register in registers { histogram[Int(register)] += 1 }
        let m = Double(registers.count)
        var sum = m * Self.tau(1 - Double(histogram[q + 1]) / m)
        for k in stride(from: q, through: 1, by: -1) { sum = 0.5 * (sum + Double(histogram[k])) }
        sum += m * Self.sigma(Double(histogram[0]) / m)
        return m * m / (2 * log(2.0)) / sum
    }

    /// σ(x) = x + Σₖ₌₁^∞ x^(2ᵏ)·2ᵏ⁻¹, the small-range term (infinite at x = 1: an empty sketch).
    private static func sigma(_ x: Double) -> Double {
        guard x < 1 else { return .infinity }
        var x = x
        var y = 1.0
        var z = x
        while true {
            x *= x
            let previous = z
            z += x * y
            y += y
            if z == previous { return z }
        }
    }

    /// τ(x) = (1 − x − Σₖ₌₁^∞ (1 − x^(2⁻ᵏ))²·2⁻ᵏ) / 3, the large-range term.
    private static func tau(_ x: Double) -> Double {
        guard x > 0, x < 1 else { return 0 }
        var x = x
        var y = 1.0
        var z = 1 - x
        while true {
            x = x.squareRoot()
            let previous = z
            y *= 0.5
            z -= (1 - x) * (1 - x) * y
            if z == previous { return z / 3 }
        }
    }

    /// The relative standard error of ``estimate``, 1.04/√m.
    public var standardError: Double { 1.04 / Double(registers.count).squareRoot() }

    /// Merges `other` into this sketch: the register-wise maximum, after folding the sketch of
    /// higher precision down to the lower.
    public mutating func merge(_ other: HyperLogLogSketch) {
        let target = min(precision, other.precision)
        if precision > target { self = folded(to: target) }
        let source = other.precision > target ? other.folded(to: target).registers : other.registers
        registers.withUnsafeMutableBufferPointer { registers in
            source.withUnsafeBufferPointer { source in
                for j in 0..<registers.count { registers[j] = max(registers[j], source[j]) }
            }
        }
    }

    /// This sketch merged with `other`.
    public func merged(with other: HyperLogLogSketch) -> HyperLogLogSketch {
        var result = self
        result.merge(other)
        return result
    }

    /// The sketch that adding the same values at a lower precision would have built.
    ///
    /// Folding register j of precision p to precision q < p: the dropped low p − q index bits
    /// are the first bits of the shorter remainder, so the rank is their leading zeros plus one
    /// when they are not all zero, else p − q plus the old rank. Either way it depends only on
    /// j and grows with the old rank, so the maximum survives folding exactly.
    public func folded(to target: Int) -> HyperLogLogSketch {
        precondition((4...precision).contains(target), "a sketch folds only to a lower precision, at least 4")
        let shift = precision - target
        var result = HyperLogLogSketch(precision: target)
        for (j, rank) in registers.enumerated() where rank > 0 {
            let dropped = UInt64(j & ((1 << shift) - 1))
            let newRank =
                dropped != 0
                ? UInt8((dropped << (64 - shift)).leadingZeroBitCount + 1) : UInt8(shift) + rank
            let index = j >> shift
            result.registers[index] = max(result.registers[index], newRank)
        }
        return result
    }

    /// The hash of a finite number, with −0 read as +0 so that equal numbers hash equally.
    @inline(__always)
    static func hash(_ value: Double) -> UInt64 {
        XXHash64.hash(word: (value == 0 ? 0 : value).bitPattern)
    }

    /// Records a hash: the top p bits pick the register, the rest give the rank, which a
    /// sentinel bit below them caps at 64 − p + 1.
    @inline(__always)
    private static func update(_ registers: UnsafeMutableBufferPointer<UInt8>, _ p: Int, _ hash: UInt64) {
        let index = Int(truncatingIfNeeded: hash &>> UInt64(64 - p))
        let rank = UInt8(truncatingIfNeeded: ((hash &<< UInt64(p)) | (1 &<< UInt64(p - 1))).leadingZeroBitCount + 1)
        if rank > registers[index] { registers[index] = rank }
    }
}
