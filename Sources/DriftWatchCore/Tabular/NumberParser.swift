import Foundation

/// Parses decimal numbers straight from CSV bytes.
///
/// Most values written by data tools have at most 15 significant digits and a small exponent;
/// for those, Clinger's fast path (an exact integer mantissa times an exact power of ten,
/// one correctly rounded operation) gives the correctly rounded double. Anything else falls
/// back to `strtod`, which is correctly rounded but several times slower. Written by hand
/// because going through `String` and `Double(_:)` for millions of fields dominates the run.
enum NumberParser {
    /// The outcome of reading one field.
    enum Value: Equatable {
        case number(Double)
        case missing
        case notANumber
    }

    private static let exactPowersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// Reads bytes[start..<end]; `bytes[end]` must exist (the buffer is terminated).
    static func parse(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Value {
        var s = start
        var e = end
        while s < e && (bytes[s] == 0x20 || bytes[s] == 0x09) { s += 1 }
        while e > s && (bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09) { e -= 1 }
        if s == e { return .missing }
        if let value = fastPath(bytes, s, e) { return .number(value) }
        if MissingTokens.matches(bytes, s, e) { return .missing }
        return slowPath(bytes, s, e)
    }

    private static func fastPath(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        while i < end, case let d = bytes[i] &- 0x30, d < 10 {
            if digits > 0 || d != 0 { digits += 1 }
            mantissa = mantissa &* 10 &+ UInt64(d)
            sawDigit = true
            i += 1
        }
        if i < end && bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, case let d = bytes[i] &- 0x30, d < 10 {
                if digits > 0 || d != 0 { digits += 1 }
                mantissa = mantissa &* 10 &+ UInt64(d)
                exponent -= 1
                sawDigit = true
                i += 1
            }
        }
        guard sawDigit, digits <= 15 else { return nil }
        if i < end && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            var exponentNegative = false
            if i < end && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var value = 0
            var sawExponentDigit = false
            while i < end, case let d = bytes[i] &- 0x30, d < 10, value < 10_000 {
                value = value * 10 + Int(d)
                sawExponentDigit = true
                i += 1
            }
            guard sawExponentDigit else { return nil }
            exponent += exponentNegative ? -value : value
        }
        guard i == end, exponent >= -22, exponent <= 22 else { return nil }
        var result = Double(mantissa)
        if exponent < 0 {
            result /= exactPowersOfTen[-exponent]
        } else {
            result *= exactPowersOfTen[exponent]
        }
        return negative ? -result : result
    }

    private static func slowPath(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Value {
        // strtod also accepts hex floats and "nan(...)"; only plain decimal text is a number here.
        for k in start..<end {
            switch bytes[k] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default:
                return .notANumber
            }
        }
        var endPointer: UnsafeMutablePointer<CChar>?
        let pointer = UnsafeRawPointer(bytes + start).assumingMemoryBound(to: CChar.self)
        let value = strtod(pointer, &endPointer)
        guard let endPointer, Int(bitPattern: endPointer) == Int(bitPattern: bytes + end) else {
            return .notANumber
        }
        return value.isFinite ? .number(value) : .missing
    }
}
