import Foundation

/// The JSON conventions shared by every payload: sorted keys and unescaped slashes (stable bytes,
/// readable URLs), RFC 3339 UTC timestamps.
enum PayloadJSON {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// `2025-01-01T10:00:00Z`, with milliseconds when the date has a fraction of a second.
    static func timestamp(_ date: Date) -> String {
        let whole = date.timeIntervalSince1970.rounded(.down) == date.timeIntervalSince1970
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: !whole, timeZone: .gmt)
        return date.formatted(style)
    }

    /// The standard headers of a JSON POST.
    static let headers = ["Content-Type": "application/json", "User-Agent": "DriftWatch"]
}
