import Foundation
import Hummingbird

/// The `from`, `to` and `window` query parameters of the read endpoints: `window=2h` means the
/// last two hours up to `to` (default now); `from` and `to` are RFC 3339 times.
struct TimeWindow: Sendable, Equatable {
    var from: Date
    var to: Date

    /// A parameter that cannot be read.
    struct Invalid: Error, Equatable {
        var parameter: String
        var message: String
    }

    static func parse(
        from: String?, to: String?, window: String?, now: Date, defaultLength: TimeInterval = 86_400
    ) throws(Invalid) -> TimeWindow {
        let end: Date
        if let to {
            guard let parsed = Timestamps.parse(to) else {
                throw Invalid(parameter: "to", message: "is not an RFC 3339 time")
            }
            end = parsed
        } else {
            end = now
        }
        let start: Date
        if let from {
            guard window == nil else {
                throw Invalid(parameter: "window", message: "give either from or window, not both")
            }
            guard let parsed = Timestamps.parse(from) else {
                throw Invalid(parameter: "from", message: "is not an RFC 3339 time")
            }
            start = parsed
        } else if let window {
            guard let length = duration(window) else {
                throw Invalid(parameter: "window", message: "must be a duration such as 90s, 30m, 2h or 7d")
            }
            start = end.addingTimeInterval(-length)
        } else {
            start = end.addingTimeInterval(-defaultLength)
        }
        guard start < end else { throw Invalid(parameter: "from", message: "must be before to") }
        return TimeWindow(from: start, to: end)
    }

    /// `90s`, `30m`, `2h`, `7d`, `1w` in seconds.
    static func duration(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let count = Double(text.dropLast()), count > 0, count.isFinite else { return nil }
        let seconds: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        return seconds[unit].map { $0 * count }
    }
}

extension TimeWindow {
    /// The window a request's query asks for; a refusal answers 400 naming the parameter.
    static func read(_ query: Parameters, now: Date = Date()) -> Result<TimeWindow, Invalid> {
        Result { () throws(Invalid) in
            try parse(
                from: query["from"].map(String.init), to: query["to"].map(String.init),
                window: query["window"].map(String.init), now: now)
        }
    }

    /// `{"from": …, "to": …}` for answers.
    var json: [String: Any] { ["from": Timestamps.format(from), "to": Timestamps.format(to)] }
}

extension TimeWindow.Invalid {
    /// 400 with the message and the parameter.
    var response: Response { JSONResponse.make(.badRequest, ["error": message, "field": parameter]) }
}
