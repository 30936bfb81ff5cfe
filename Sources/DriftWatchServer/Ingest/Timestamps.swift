import Foundation

/// RFC 3339 timestamps as the API reads and writes them.
///
/// Format styles are Sendable values made once; creating a date formatter per event would
/// cost more than decoding the event.
enum Timestamps {
    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let plain = Date.ISO8601FormatStyle()

    /// Parses `2026-11-01T10:00:00Z` or `2026-11-01T10:00:00.250Z`.
    static func parse(_ text: String) -> Date? {
        (try? withFraction.parse(text)) ?? (try? plain.parse(text))
    }

    /// Formats with milliseconds, `2026-11-01T10:00:00.000Z`.
    static func format(_ date: Date) -> String { withFraction.format(date) }
}
