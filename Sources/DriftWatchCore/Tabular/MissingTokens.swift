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

    static func matches(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start <= 9 else { return false }
        var lowered = ""
        for k in start..<end { lowered.unicodeScalars.append(Unicode.Scalar(bytes[k] | (bytes[k] >= 0x41 && bytes[k] <= 0x5A ? 0x20 : 0))) }
        return all.contains(lowered)
    }
}

extension StringProtocol {
    var trimmingSpaces: SubSequence {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
