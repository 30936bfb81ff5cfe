/// The spellings of a missing value in a CSV field.
///
/// Empty fields, `NA`, `N/A`, `NaN`, `null`, `None` and infinities (`inf`, `-Infinity`, …), in
/// any letter case. Infinities count as missing because no drift statistic is defined on them.
public enum MissingTokens {
    /// The tokens in lower case.
    public static let all: Set<String> = [
        "", "na", "n/a", "nan", "-nan", "null", "none", "inf", "+inf", "-inf", "infinity", "+infinity",
        "-infinity",
    ]

    /// Whether `text` spells a missing value.
    public static func matches(_ text: some StringProtocol) -> Bool {
        all.contains(text.trimmingSpaces.lowercased())
    }

    /// Whether bytes[start..<end], already trimmed of spaces, spell a missing value.
    static func matches(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start <= 9 else { return false }
        if start == end { return true }
        // Every token starts with one of these; most category labels fail here without allocating.
        switch bytes[start] | 0x20 {
        case UInt8(ascii: "n"), UInt8(ascii: "i"), UInt8(ascii: "-"), UInt8(ascii: "+"): break
        default: return false
        }
        var lowered = ""
        for k in start..<end {
            let byte = bytes[k]
            lowered.unicodeScalars.append(Unicode.Scalar(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte))
        }
        return all.contains(lowered)
    }

    /// Whether bytes[start..<end] spell a missing value once surrounding spaces are trimmed.
    static func matchesTrimmed(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var s = start
        var e = end
        while s < e && (bytes[s] == 0x20 || bytes[s] == 0x09) { s += 1 }
        while e > s && (bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09) { e -= 1 }
        return matches(bytes, s, e)
    }
}

extension StringProtocol {
    var trimmingSpaces: SubSequence {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
