import Foundation

/// A length of time in rule and routing configuration, written as Prometheus writes it:
/// `"30s"`, `"5m"`, `"1h30m"`, `"250ms"`, `"1d"`.
///
/// Units, largest first and each at most once: `w` (7 days), `d`, `h`, `m`, `s`, `ms`. Each amount
/// is a whole number; `"0"` and `"0s"` mean no wait.
///
/// ```swift
/// let wait = try AlertDuration(parsing: "1h30m")
/// wait.seconds  // 5400
/// ```
public struct AlertDuration: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The length in milliseconds; whole milliseconds keep the text round trip exact.
    public var milliseconds: Int64

    /// Creates a duration of a whole number of milliseconds.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// No time at all.
    public static let zero = AlertDuration(milliseconds: 0)

    /// A duration of whole seconds.
    public static func seconds(_ value: Int64) -> AlertDuration { AlertDuration(milliseconds: value * 1000) }

    /// A duration of whole minutes.
    public static func minutes(_ value: Int64) -> AlertDuration { .seconds(value * 60) }

    /// A duration of whole hours.
    public static func hours(_ value: Int64) -> AlertDuration { .minutes(value * 60) }

    /// The length in seconds, for arithmetic with `Date`.
    public var seconds: TimeInterval { TimeInterval(milliseconds) / 1000 }

    /// Whether the duration is longer than zero.
    public var isPositive: Bool { milliseconds > 0 }

    /// The canonical text: largest units first, `"0s"` for zero.
    public var description: String {
        guard milliseconds > 0 else { return "0s" }
        var rest = milliseconds
        var text = ""
        for unit in Self.units {
            let count = rest / unit.milliseconds
            if count > 0 {
                text += "\(count)\(unit.symbol)"
                rest -= count * unit.milliseconds
            }
        }
        return text
    }

    /// Orders durations by length.
    public static func < (lhs: AlertDuration, rhs: AlertDuration) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }

    /// Decodes the text form, with an error naming the field and what is wrong with the text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try AlertDuration(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the canonical text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Date {
    /// The date `duration` later.
    static func + (date: Date, duration: AlertDuration) -> Date {
        date.addingTimeInterval(duration.seconds)
    }
}
