/// Makes arbitrary text safe to place in SVG markup.
///
/// Feature names, segment values and titles come from users' data, so every piece of text
/// goes through here before it reaches the document.
///
/// ```swift
/// XMLEscaping.escape(#"a<b & "c""#)  // "a&lt;b &amp; &quot;c&quot;"
/// ```
enum XMLEscaping {
    /// `text` with `& < > " '` replaced by entities and the characters XML 1.0 forbids removed.
    ///
    /// Quotes are escaped in element content too, so one function serves attributes and text.
    /// Control characters are dropped rather than escaped because XML 1.0 has no legal way
    /// to represent them, and a single one would make the whole document unparsable.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                if isAllowed(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// The `Char` production of XML 1.0 (§2.2).
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
