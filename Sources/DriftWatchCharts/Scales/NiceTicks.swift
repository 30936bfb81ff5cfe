import Foundation

/// Round tick values for a linear axis, by the "nice numbers" algorithm of Heckbert
/// ("Nice Numbers for Graph Labels", Graphics Gems, 1990).
///
/// The data range is rounded up to 1, 2, 5 or 10 × 10ⁿ; that range divided by
/// `targetCount − 1` is rounded to the nearest of 1, 2, 5, 10 × 10ⁿ (cut-offs 1.5, 3, 7) to
/// give the step; ticks are the multiples of the step. For 0…97 with five ticks the range
/// rounds up to 100, 100 / 4 = 25 rounds to 20, and the ticks are 0, 20, …, 100.
///
/// A range of zero width (one value, or all values equal) is widened to include zero, so
/// a flat series is drawn at its level; a flat series at zero gets 0…1.
///
/// ```swift
/// let ticks = NiceTicks(lower: 0, upper: 97)
/// ticks.values               // [0, 20, 40, 60, 80, 100]
/// ticks.label(for: 40)       // "40"
/// NiceTicks(lower: 0.001, upper: 0.0093).values  // [0, 0.002, …, 0.01]
/// ```
public struct NiceTicks: Sendable, Hashable {
    /// The tick values, ascending; each is computed as an integer times a power of ten, so
    /// `0.006` is the double nearest 0.006 rather than `3 × 0.002`.
    public let values: [Double]
    /// The distance between neighbouring ticks.
    public let step: Double
    /// What the axis spans: the outer ticks with ``AxisExtent/nice``, the (widened) data
    /// range with ``AxisExtent/tight``.
    public let domain: ClosedRange<Double>
    /// The power of ten of ``step``; labels need `max(0, −stepExponent)` decimals.
    let stepExponent: Int

    /// Ticks covering `lower…upper` (the bounds may come in either order).
    ///
    /// Non-finite bounds are ignored; with none left the axis is 0…1.
    ///
    /// - Parameters:
    ///   - lower: One end of the data range.
    ///   - upper: The other end of the data range.
    ///   - targetCount: About how many ticks to produce (at least 2).
    ///   - extent: Whether the axis is widened to the outer ticks.
    ///
    /// ```swift
    /// NiceTicks(lower: -37, upper: 12).values                 // [-40, -30, …, 20]
    /// NiceTicks(lower: 3, upper: 97, extent: .tight).values  // [20, 40, 60, 80]
    /// ```
    public init(lower: Double, upper: Double, targetCount: Int = 5, extent: AxisExtent = .nice) {
        var (low, high) = Self.finiteRange(lower, upper)
        if low == high {
            if low == 0 {
                high = 1
            } else if low > 0 {
                low = 0
            } else {
                high = 0
            }
        }
        let span = high - low
        guard span.isFinite else {
            // Only a range near the largest doubles overflows; round ticks mean nothing there.
            self.init(values: [low, high], step: high / 2 - low / 2, domain: low...high, stepExponent: 0)
            return
        }
        let count = max(targetCount, 2)
        let range = Self.niceNumber(span, rounding: false)
        let step = Self.niceNumber(range.value / Double(count - 1), rounding: true)
        let stepValue = step.value
        // Near the ends of the double range the rounded range or step overflows or underflows.
        guard stepValue.isFinite, stepValue > 0 else {
            self.init(values: [low, high], step: span, domain: low...high, stepExponent: 0)
            return
        }
        // A relative tolerance stops 0.006 / 0.002 = 2.9999999999999996 from adding a tick.
        let tolerance = 1e-9
        let first: Double
        let last: Double
        switch extent {
        case .nice:
            first = (low / stepValue + tolerance).rounded(.down)
            last = (high / stepValue - tolerance).rounded(.up)
        case .tight:
            first = (low / stepValue - tolerance).rounded(.up)
            last = (high / stepValue + tolerance).rounded(.down)
        }
        guard abs(first) < 1e15, abs(last) < 1e15 else {
            self.init(values: [low, high], step: span, domain: low...high, stepExponent: step.exponent)
            return
        }
        var values: [Double] = []
        var multiple = Int64(first)
        while multiple <= Int64(last) {
            values.append(Self.value(units: multiple * step.mantissa, exponent: step.exponent))
            multiple += 1
        }
        let domain: ClosedRange<Double>
        if extent == .nice, let lowest = values.first, let highest = values.last {
            domain = lowest...highest
        } else {
            domain = low...high
        }
        self.init(values: values, step: stepValue, domain: domain, stepExponent: step.exponent)
    }

    private init(values: [Double], step: Double, domain: ClosedRange<Double>, stepExponent: Int) {
        self.values = values
        self.step = step
        self.domain = domain
        self.stepExponent = stepExponent
    }

    /// The text for a tick: as many decimals as the step needs, and k/M/B/T suffixes once
    /// values reach ten thousand so that labels stay short.
    ///
    /// ```swift
    /// NiceTicks(lower: 0, upper: 1).label(for: 0.4)          // "0.4"
    /// NiceTicks(lower: 0, upper: 50_000).label(for: 20_000)  // "20k"
    /// ```
    public func label(for value: Double) -> String {
        guard value.isFinite else { return "" }
        let largest = max(abs(domain.lowerBound), abs(domain.upperBound))
        let suffixes: [(exponent: Int, suffix: String)] = [(12, "T"), (9, "B"), (6, "M"), (3, "k")]
        if largest >= 1e4, largest < 1e15,
            let unit = suffixes.first(where: { largest >= NumberText.power10($0.exponent) })
        {
            let scaled = value / NumberText.power10(unit.exponent)
            // Zero has no unit: "0" rather than "0.0M".
            guard value != 0 else { return "0" }
            return NumberText.fixed(scaled, decimals: max(0, unit.exponent - stepExponent)) + unit.suffix
        }
        // Fixed decimals stop being readable for huge values and for steps below a millionth.
        if largest >= 1e15 || stepExponent < -6 { return NumberText.readable(value) }
        return NumberText.fixed(value, decimals: max(0, -stepExponent))
    }

    /// Heckbert's `nicenum`: 1, 2, 5 or 10 × 10ⁿ, rounded to the nearest (`rounding`) or up.
    private static func niceNumber(_ x: Double, rounding: Bool) -> (mantissa: Int64, exponent: Int, value: Double) {
        guard x.isFinite, x > 0 else { return (1, 0, x) }
        let exponent = Int(log10(x).rounded(.down))
        // Multiplying by an exact power keeps 0.002 at fraction 2 rather than 2.0000000000000004.
        let fraction = exponent >= 0 ? x / NumberText.power10(exponent) : x * NumberText.power10(-exponent)
        let mantissa: Int64
        if rounding {
            mantissa = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            mantissa = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        let (m, e) = mantissa == 10 ? (Int64(1), exponent + 1) : (mantissa, exponent)
        return (m, e, value(units: m, exponent: e))
    }

    /// `units × 10^exponent`, dividing by an exact power for negative exponents so that the
    /// result is correctly rounded.
    private static func value(units: Int64, exponent: Int) -> Double {
        exponent >= 0
            ? Double(units) * NumberText.power10(exponent)
            : Double(units) / NumberText.power10(-exponent)
    }

    private static func finiteRange(_ a: Double, _ b: Double) -> (Double, Double) {
        switch (a.isFinite, b.isFinite) {
        case (true, true): (min(a, b), max(a, b))
        case (true, false): (a, a)
        case (false, true): (b, b)
        case (false, false): (0, 1)
        }
    }
}
