/// Rough text measurement for layout.
///
/// The server cannot measure glyphs, so widths are estimated from the character count;
/// 0.6 em per character overestimates proportional sans-serif fonts slightly, which errs on
/// the side of labels that fit.
enum TextMetrics {
    static let tickFontSize = 11.0
    static let labelFontSize = 12.0
    static let titleFontSize = 14.0

    /// Estimated width of `text` at `fontSize`.
    static func width(_ text: String, fontSize: Double = tickFontSize) -> Double {
        Double(text.count) * fontSize * 0.6
    }

    /// `text` shortened to `limit` characters with an ellipsis, so a long feature name
    /// cannot push the plot off the canvas; the full name goes in a `<title>`.
    static func truncated(_ text: String, limit: Int = 24) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }
}
