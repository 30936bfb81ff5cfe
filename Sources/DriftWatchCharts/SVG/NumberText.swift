import Foundation

/// Number formatting that never depends on the locale and never prints `nan` or `inf`.
///
/// Foundation's formatters follow the process locale, which would make the same chart render
/// differently on two servers; these functions only use integer arithmetic on rounded values.
///
/// ```swift
/// NumberText.coordinate(12.3456)  // "12.35"
/// NumberText.exact(130)           // "130"
/// NumberText.readable(0.0123456)  // "0.01235"
/// ```
enum NumberText {
    /// A coordinate with at most two decimals and no trailing zeros; a hundredth of a pixel
    /// is below what any screen shows, and shorter numbers keep dense charts small.
    static func coordinate(_ value: Double) -> String {
        fixed(value, decimals: 2, trimmingZeros: true)
    }

    /// The shortest text that reads back as exactly `value`, without a trailing `.0`.
    ///
    /// Used for `data-value` attributes, which tests and scripts compare with the input.
    static func exact(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// About four significant digits, for titles, tooltips and descriptions.
    static func readable(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        guard value != 0 else { return "0" }
        let magnitude = Int(log10(abs(value)).rounded(.down))
        if magnitude >= 15 || magnitude < -4 {
            return scientific(value)
        }
        return fixed(value, decimals: max(0, 3 - magnitude), trimmingZeros: true)
    }

    /// `value` with exactly `decimals` decimals (or fewer when `trimmingZeros`).
    static func fixed(_ value: Double, decimals: Int, trimmingZeros: Bool = false) -> String {
        guard value.isFinite else { return "0" }
        let decimals = min(max(decimals, 0), 12)
        let scale = power10(decimals)
        let scaled = (value * scale).rounded()
        // Beyond 2^53 the integer path would lose digits; such values only occur as labels
        // of absurd data, where the shortest round-trip text is good enough.
        guard abs(scaled) < 9e15 else { return exact(value.rounded()) }
        let units = Int64(scaled)
        let negative = units < 0
        let magnitude = units.magnitude
        let divisor = UInt64(scale)
        var text = String(magnitude / divisor)
        if decimals > 0 {
            var fraction = String(magnitude % divisor)
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
            if trimmingZeros {
                while fraction.last == "0" { fraction.removeLast() }
            }
            if !fraction.isEmpty { text += "." + fraction }
        }
        // Rounding can turn -0.001 into "0", which must not keep its sign.
        return negative && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" + text : text
    }

    /// `1.235e-5`: a mantissa with up to three decimals and a decimal exponent.
    private static func scientific(_ value: Double) -> String {
        var exponent = Int(log10(abs(value)).rounded(.down))
        // 10^-324 is not a double; scale subnormal values in two steps.
        var mantissa = exponent < -300 ? value * 1e300 / power10(exponent + 300) : value / power10(exponent)
        if abs(mantissa) >= 9.9995 {
            exponent += 1
            mantissa /= 10
        }
        return fixed(mantissa, decimals: 3, trimmingZeros: true) + "e" + String(exponent)
    }

    /// 10ⁿ; for n < 0 the reciprocal of an exact power, so `power10(-3)` is the double nearest 0.001.
    static func power10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
