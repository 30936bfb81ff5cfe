/// The standard normal quantile Φ⁻¹(p), by Wichura's algorithm AS 241 (`PPND16`, Applied
/// Statistics 37, 1988), accurate to about 1e−16.
///
/// Normal draws are made by inversion of one uniform rather than by Box–Muller, so every
/// normal consumes exactly one uniform: the draw sequence of an event does not depend on the
/// values drawn, which keeps streams with and without a scenario aligned draw for draw.
enum NormalQuantile {
    /// Φ⁻¹(p) for p in (0, 1).
    static func quantile(_ p: Double) -> Double {
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180_625 - q * q
            return q * numerator(r) / denominator(r)
        }
        var r = q < 0 ? p : 1 - p
        r = (-PortableMath.log(r)).squareRoot()
        let value: Double
        if r <= 5 {
            r -= 1.6
            value = centralTail(r)
        } else {
            r -= 5
            value = farTail(r)
        }
        return q < 0 ? -value : value
    }

    // Wichura's coefficients from the highest power down, by Horner's rule, with the constants
    // inline so that the hot path does no array access.

    /// The central region's numerator.
    private static func numerator(_ r: Double) -> Double {
        var sum = 2.509_080_928_730_122_672_7e3
        sum = sum * r + 3.343_057_558_358_812_810_5e4
        sum = sum * r + 6.726_577_092_700_870_085_3e4
        sum = sum * r + 4.592_195_393_154_987_145_7e4
        sum = sum * r + 1.373_169_376_550_946_112_5e4
        sum = sum * r + 1.971_590_950_306_551_442_7e3
        sum = sum * r + 1.331_416_678_917_843_774_5e2
        sum = sum * r + 3.387_132_872_796_366_608_0e0
        return sum
    }

    /// The central region's denominator.
    private static func denominator(_ r: Double) -> Double {
        var sum = 5.226_495_278_852_854_561_0e3
        sum = sum * r + 2.872_908_573_572_194_267_4e4
        sum = sum * r + 3.930_789_580_009_271_061_0e4
        sum = sum * r + 2.121_379_430_158_659_586_7e4
        sum = sum * r + 5.394_196_021_424_751_107_7e3
        sum = sum * r + 6.871_870_074_920_579_083_0e2
        sum = sum * r + 4.231_333_070_160_091_125_2e1
        sum = sum * r + 1
        return sum
    }

    /// The tail for √(−log p) ≤ 5, r already reduced by 1.6.
    private static func centralTail(_ r: Double) -> Double {
        var numerator = 7.745_450_142_783_414_076_40e-4
        numerator = numerator * r + 2.272_384_498_926_918_458_33e-2
        numerator = numerator * r + 2.417_807_251_774_506_117_70e-1
        numerator = numerator * r + 1.270_458_252_452_368_382_58e0
        numerator = numerator * r + 3.647_848_324_763_204_605_04e0
        numerator = numerator * r + 5.769_497_221_460_691_405_50e0
        numerator = numerator * r + 4.630_337_846_156_545_295_90e0
        numerator = numerator * r + 1.423_437_110_749_683_577_34e0
        var denominator = 1.050_750_071_644_416_843_24e-9
        denominator = denominator * r + 5.475_938_084_995_344_946_00e-4
        denominator = denominator * r + 1.519_866_656_361_645_719_66e-2
        denominator = denominator * r + 1.481_039_764_274_800_745_90e-1
        denominator = denominator * r + 6.897_673_349_851_000_045_50e-1
        denominator = denominator * r + 1.676_384_830_183_803_849_40e0
        denominator = denominator * r + 2.053_191_626_637_758_821_87e0
        denominator = denominator * r + 1
        return numerator / denominator
    }

    /// The far tail, r already reduced by 5.
    private static func farTail(_ r: Double) -> Double {
        var numerator = 2.010_334_399_292_288_132_65e-7
        numerator = numerator * r + 2.711_555_568_743_487_578_15e-5
        numerator = numerator * r + 1.242_660_947_388_078_438_60e-3
        numerator = numerator * r + 2.653_218_952_657_612_309_30e-2
        numerator = numerator * r + 2.965_605_718_285_048_912_30e-1
        numerator = numerator * r + 1.784_826_539_917_291_335_80e0
        numerator = numerator * r + 5.463_784_911_164_114_369_90e0
        numerator = numerator * r + 6.657_904_643_501_103_777_20e0
        var denominator = 2.044_263_103_389_939_785_64e-15
        denominator = denominator * r + 1.421_511_758_316_445_888_70e-7
        denominator = denominator * r + 1.846_318_317_510_054_681_80e-5
        denominator = denominator * r + 7.868_691_311_456_132_591_00e-4
        denominator = denominator * r + 1.487_536_129_085_061_485_25e-2
        denominator = denominator * r + 1.369_298_809_227_358_053_10e-1
        denominator = denominator * r + 5.998_322_065_558_879_376_90e-1
        denominator = denominator * r + 1
        return numerator / denominator
    }
}
