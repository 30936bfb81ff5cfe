import Foundation

extension KolmogorovDistribution {
    /// An unevaluated sum `hi + lo` of two doubles carrying about 106 significant bits.
    ///
    /// Ports the part of the QD double-double package (Hida, Li & Bailey, v2.3.18) that
    /// xsf's `cephes/dd_real.h` keeps, operation for operation, so that ``smirnov(n:d:)`` finds
    /// ⌊n·d⌋ exactly and rounds like scipy. Conversion to `Double` takes `hi`, as xsf does.
    struct DoubleDouble: Sendable {
        /// The leading part, the value rounded to double precision.
        var hi: Double
        /// The trailing part, with |lo| ≤ ulp(hi)/2.
        var lo: Double

        /// Creates `hi + lo`, which must already be normalized.
        init(_ hi: Double, _ lo: Double = 0) {
            self.hi = hi
            self.lo = lo
        }

        /// True when both parts are zero.
        var isZero: Bool { hi == 0 && lo == 0 }

        /// fl(a + b) and its rounding error, for |a| ≥ |b|.
        private static func quickTwoSum(_ a: Double, _ b: Double) -> (Double, Double) {
            let s = a + b
            return (s, b - (s - a))
        }

        /// fl(a + b) and its rounding error, for any a and b (Knuth).
        private static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
            let s = a + b
            let c = s - a
            return (s, (a - (s - c)) + (b - c))
        }

        /// fl(a · b) and its rounding error, by fused multiply-add.
        private static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
            let p = a * b
            return (p, (-p).addingProduct(a, b))
        }

        static prefix func - (x: DoubleDouble) -> DoubleDouble { DoubleDouble(-x.hi, -x.lo) }

        /// Sum with the IEEE-style error bound of Briggs and Kahan.
        static func + (lhs: DoubleDouble, rhs: DoubleDouble) -> DoubleDouble {
            var (s1, s2) = twoSum(lhs.hi, rhs.hi)
            let (t1, t2) = twoSum(lhs.lo, rhs.lo)
            s2 += t1
            (s1, s2) = quickTwoSum(s1, s2)
            s2 += t2
            (s1, s2) = quickTwoSum(s1, s2)
            return DoubleDouble(s1, s2)
        }

        static func + (lhs: DoubleDouble, rhs: Double) -> DoubleDouble {
            var (s1, s2) = twoSum(lhs.hi, rhs)
            s2 += lhs.lo
            (s1, s2) = quickTwoSum(s1, s2)
            return DoubleDouble(s1, s2)
        }

        static func - (lhs: DoubleDouble, rhs: DoubleDouble) -> DoubleDouble { lhs + -rhs }

        static func - (lhs: DoubleDouble, rhs: Double) -> DoubleDouble { lhs + -rhs }

        static func * (lhs: DoubleDouble, rhs: DoubleDouble) -> DoubleDouble {
            var (p1, p2) = twoProduct(lhs.hi, rhs.hi)
            p2 += lhs.hi * rhs.lo + lhs.lo * rhs.hi
            (p1, p2) = quickTwoSum(p1, p2)
            return DoubleDouble(p1, p2)
        }

        static func * (lhs: DoubleDouble, rhs: Double) -> DoubleDouble {
            let (p1, e1) = twoProduct(lhs.hi, rhs)
            let (p2, e2) = twoProduct(lhs.lo, rhs)
            let (s, e) = quickTwoSum(p1, e2 + p2 + e1)
            return DoubleDouble(s, e)
        }

        static func * (lhs: Double, rhs: DoubleDouble) -> DoubleDouble { rhs * lhs }

        /// Long division: three quotient digits, each from the remainder of the last.
        static func / (lhs: DoubleDouble, rhs: DoubleDouble) -> DoubleDouble {
            let q1 = lhs.hi / rhs.hi
            var r = lhs - rhs * q1
            let q2 = r.hi / rhs.hi
            r = r - rhs * q2
            let q3 = r.hi / rhs.hi
            let (s, e) = quickTwoSum(q1, q2)
            return DoubleDouble(s, e) + q3
        }

        static func / (lhs: DoubleDouble, rhs: Double) -> DoubleDouble { lhs / DoubleDouble(rhs) }

        static func / (lhs: Double, rhs: DoubleDouble) -> DoubleDouble { DoubleDouble(lhs) / rhs }

        /// The largest integer not above the value.
        var floor: DoubleDouble {
            let h = hi.rounded(.down)
            guard h == hi else { return DoubleDouble(h) }
            let (s, e) = Self.quickTwoSum(h, lo.rounded(.down))
            return DoubleDouble(s, e)
        }

        /// The value times 2ᵉ.
        func scaled(by exponent: Int) -> DoubleDouble {
            DoubleDouble(scalbn(hi, exponent), scalbn(lo, exponent))
        }

        /// The mantissa m with 0.5 ≤ |m.hi| < 1 (or |m.hi| = 1 with lo of opposite sign) and
        /// the exponent e with m·2ᵉ equal to the value, as C's `frexp`.
        var frexp: (mantissa: DoubleDouble, exponent: Int) {
            // Swift's generic `frexp` drops the sign of its argument, so split `hi` directly.
            var exponent = hi.isFinite && hi != 0 ? Int(hi.exponent) + 1 : 0
            var man = scalbn(hi, -exponent)
            var low = scalbn(lo, -exponent)
            if abs(man) == 0.5 && man * low < 0 {
                man *= 2
                low *= 2
                exponent -= 1
            }
            return (DoubleDouble(man, low), exponent)
        }

        /// The m-th power, as xsf's `pow_D`: `pow` of the leading part, corrected by
        /// (1 + lo/hi)ᵐ to first or second order, or through `expm1` when that is large.
        func power(_ m: Int) -> DoubleDouble {
            if m <= 0 { return m == 0 ? DoubleDouble(1) : 1 / power(-m) }
            if isZero { return DoubleDouble(0) }
            let leading = pow(hi, Double(m))
            let r = lo / hi
            var correction = Double(m) * r
            if abs(correction) > 1e-8 {
                if abs(correction) < 1e-4 {
                    correction += (Double(m) * r) * (Double(m - 1) / 2.0 * r)
                } else {
                    correction = expm1(Double(m) * log1p(r))
                }
            }
            return DoubleDouble(leading) + leading * correction
        }

        /// The m-th power as a mantissa in [0.5, 1) and a binary exponent, as xsf's
        /// `pow2Scaled_D`, so that powers far below the double range stay representable.
        ///
        /// Raises in blocks of at most 2⁹⁶⁰-fold shrinkage so the trailing part stays normal.
        func scaledPower(_ m: Int) -> (mantissa: DoubleDouble, exponent: Int) {
            if m <= 0 {
                if m == 0 { return (DoubleDouble(1), 0) }
                let (mantissa, exponent) = scaledPower(-m)
                let inverse = (1 / mantissa).frexp
                return (inverse.mantissa, inverse.exponent - exponent)
            }
            let (y, yExponent) = frexp
            if m == 1 { return (y, yExponent) }
            var block = Self.maxBlockExponent
            if Double(m) * (y.hi - 1) / y.hi < -Double(Self.maxBlockExponent) * M_LN2 {
                let log2y = log(y.hi) / M_LN2
                if Double(m) * log2y <= -Double(Self.maxBlockExponent) {
                    // xsf's `nextPowerOf2`, which despite its name returns |x(1 + 2⁻⁵²)|.
                    let x = -Double(Self.maxBlockExponent) / log2y + 1
                    block = Int(abs(scalbn(x, -52) + x) / 2)
                }
            }
            if m <= block {
                let (mantissa, exponent) = y.power(m).frexp
                return (mantissa, exponent + m * yExponent)
            }
            let remainder = y.scaledPower(m % block)
            let blockPower = y.scaledPower(block)
            let blocks = blockPower.mantissa.scaledPower(m / block)
            let (mantissa, exponent) = (remainder.mantissa * blocks.mantissa).frexp
            let blocksExponent = blocks.exponent + blockPower.exponent * (m / block)
            return (mantissa, exponent + blocksExponent + remainder.exponent + m * yExponent)
        }

        /// The largest binary exponent drop allowed in one block of ``scaledPower(_:)``; below
        /// 1023 − 52 so that both parts stay normalized (xsf `SM_MAX_EXPONENT`).
        private static let maxBlockExponent = 960
    }
}
