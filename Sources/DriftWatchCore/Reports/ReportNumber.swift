import Foundation

/// How numbers read in report sentences, independent of the locale, so that the HTML and the
/// JSON of a report carry the same text.
public enum ReportNumber {
    /// About three significant digits: `0.812`, `41.7`, `1.2e-05`; "—" for nil or non-finite.
    public static func text(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        if value == 0 { return "0" }
        if abs(value) >= 10_000 { return String(format: "%.0f", value) }
        if abs(value) < 0.001 { return String(format: "%.2g", value) }
        return String(format: "%.3g", value)
    }

    /// `4.2 %` from a share of 0.042.
    public static func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }

    /// `5.2 days`, `1 day`, `12 days`: one decimal under ten days, whole days above.
    public static func days(_ days: Double) -> String {
        let text = days < 10 ? String(format: "%.1f", days) : String(format: "%.0f", days)
        return text == "1.0" || text == "1" ? "1 day" : "\(text) days"
    }
}
