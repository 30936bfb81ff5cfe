import Foundation

/// How numbers and times read on the pages: independent of the server's locale, with "—" for
/// what is unknown.
enum DashboardFormat {
    /// Shown for a value that does not exist (no events, an undefined statistic).
    static let none = "—"

    /// `12,345`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// `4.2 %` from a share of 0.042.
    static func percent(_ share: Double?, decimals: Int = 1) -> String {
        guard let share, share.isFinite else { return none }
        return String(format: "%.\(decimals)f %%", share * 100)
    }

    /// `12.3 ms`.
    static func milliseconds(_ value: Double?) -> String {
        guard let value, value.isFinite else { return none }
        return value >= 100 ? String(format: "%.0f ms", value) : String(format: "%.1f ms", value)
    }

    /// About three significant digits: `0.123`, `41.7`, `1.2e-05`.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return none }
        if value == 0 { return "0" }
        if abs(value) >= 10_000 { return count(Int(value.rounded())) }
        if abs(value) < 0.001 { return String(format: "%.2g", value) }
        return String(format: "%.3g", value)
    }

    /// `2026-11-22 10:00:05 UTC`.
    static func time(_ date: Date) -> String {
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `2 min 5 s`, `3 h 10 min`.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return none }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3_600 { return "\(whole / 60) min" + (whole % 60 == 0 ? "" : " \(whole % 60) s") }
        return "\(whole / 3_600) h" + (whole % 3_600 / 60 == 0 ? "" : " \(whole % 3_600 / 60) min")
    }
}
