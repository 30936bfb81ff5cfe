/// `exp` and `log` written with IEEE-754 basic operations only.
///
/// Simulated traffic must be identical on every platform for a given seed, and the C
/// libraries behind Foundation's `exp` and `log` (glibc, Apple's libm) may round the last bit
/// differently. These are the fdlibm algorithms (Sun Microsystems, `e_exp.c` and `e_log.c`):
/// argument reduction by ln 2 and a minimax polynomial, accurate to under one ulp. Addition,
/// multiplication, division and `squareRoot()` are correctly rounded everywhere, so the results
/// are bit-identical across platforms.
enum PortableMath {
    private static let ln2High = 6.931_471_803_691_238_164_90e-01
    private static let ln2Low = 1.908_214_929_270_587_700_02e-10
    private static let inverseLn2 = 1.442_695_040_888_963_387_00e+00

    /// e^x.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.782_712_893_383_973_096 { return .infinity }
        if x < -745.133_219_101_941_108_420 { return 0 }
        if abs(x) < 0x1p-28 { return 1 + x }
        let k = (x * inverseLn2).rounded(.toNearestOrEven)
        let high = x - k * ln2High
        let low = k * ln2Low
        let r = high - low
        let t = r * r
        let c = r - t * (p1 + t * (p2 + t * (p3 + t * (p4 + t * p5))))
        let y = 1 - ((low - (r * c) / (2 - c)) - high)
        return scaled(y, by: Int(k))
    }

    /// The natural logarithm; NaN below zero, −∞ at zero.
    static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return x }
        // x = 2^k·m with m in [√2/2, √2), so that f = m − 1 is small.
        var k = Double(x.exponent)
        var m = x.significand
        if m > 1.414_213_562_373_095_048_80 {
            m *= 0.5
            k += 1
        }
        let f = m - 1
        let s = f / (2 + f)
        let z = s * s
        let w = z * z
        let t1 = w * (lg2 + w * (lg4 + w * lg6))
        let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
        let r = t2 + t1
        let halfSquare = 0.5 * f * f
        return k * ln2High - ((halfSquare - (s * (halfSquare + r) + k * ln2Low)) - f)
    }

    /// y·2^k, exact unless the result is subnormal.
    private static func scaled(_ y: Double, by k: Int) -> Double {
        Double(sign: .plus, exponent: k, significand: y)
    }

    private static let p1 = 1.666_666_666_666_660_190_37e-01
    private static let p2 = -2.777_777_777_701_559_338_42e-03
    private static let p3 = 6.613_756_321_437_934_361_17e-05
    private static let p4 = -1.653_390_220_546_525_153_90e-06
    private static let p5 = 4.138_136_797_057_238_460_39e-08

    private static let lg1 = 6.666_666_666_666_735_130e-01
    private static let lg2 = 3.999_999_999_940_941_908e-01
    private static let lg3 = 2.857_142_874_366_239_149e-01
    private static let lg4 = 2.222_219_843_214_978_396e-01
    private static let lg5 = 1.818_357_216_161_805_012e-01
    private static let lg6 = 1.531_383_769_920_937_332e-01
    private static let lg7 = 1.479_819_860_511_658_591e-01
}
