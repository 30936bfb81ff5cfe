import Foundation

/// Calendar fields of a `Date` in UTC, computed without `Calendar` or a locale.
///
/// Uses Howard Hinnant's `civil_from_days` and `days_from_civil` (proleptic Gregorian), so
/// labels and descriptions are the same on every host regardless of its time zone settings.
///
/// ```swift
/// let parts = UTCDate(Date(timeIntervalSince1970: 1_741_185_000))
/// parts.timestamp  // "2025-03-05 14:30 UTC"
/// ```
struct UTCDate: Hashable {
    let year: Int
    let month: Int
    let day: Int
    let hour: Int
    let minute: Int
    let second: Int

    /// Seconds from the epoch that a chart accepts: about ±31,000 years. Beyond that the
    /// integer conversions below would trap, and no monitoring data lives there.
    static let supportedSeconds = 1e12

    /// Whether `date` can be placed on a time axis: finite and within ``supportedSeconds``.
    static func isSupported(_ date: Date) -> Bool {
        let seconds = date.timeIntervalSince1970
        return seconds.isFinite && abs(seconds) < supportedSeconds
    }

    /// The fields of `date`, which must satisfy ``isSupported(_:)``.
    init(_ date: Date) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        hour = secondOfDay / 3_600
        minute = secondOfDay % 3_600 / 60
        second = secondOfDay % 60
        (year, month, day) = Self.civil(fromDays: Int(days))
    }

    /// Midnight UTC on the given day; `month` may exceed 12 and rolls into later years.
    static func date(year: Int, month: Int, day: Int = 1) -> Date {
        // Floor division, so that month 0 is December of the previous year.
        let monthIndex = year * 12 + month - 1
        let normalizedYear = monthIndex >= 0 ? monthIndex / 12 : -((-monthIndex + 11) / 12)
        let normalizedMonth = monthIndex - normalizedYear * 12 + 1
        let days = daysFromCivil(year: normalizedYear, month: normalizedMonth, day: day)
        return Date(timeIntervalSince1970: Double(days) * 86_400)
    }

    /// `2025-03-05 14:30 UTC`, with seconds only when they are not zero.
    var timestamp: String {
        var text = "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day)) \(clock)"
        if second != 0 { text += ":" + Self.twoDigits(second) }
        return text + " UTC"
    }

    /// `2025-03-05T14:30:00Z`, for machine-readable attributes.
    var iso8601: String {
        "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))T\(clockWithSeconds)Z"
    }

    /// `14:30`.
    var clock: String { Self.twoDigits(hour) + ":" + Self.twoDigits(minute) }

    /// `14:30:15`.
    var clockWithSeconds: String { clock + ":" + Self.twoDigits(second) }

    /// `Mar 5`.
    var monthAndDay: String { monthName + " " + String(day) }

    /// `Mar`.
    var monthName: String { Self.monthNames[month - 1] }

    private static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }

    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
