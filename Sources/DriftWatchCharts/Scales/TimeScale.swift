import Foundation

/// Maps dates linearly onto drawing coordinates and places ticks at round UTC times.
///
/// Ticks fall on whole units of a step chosen from 1 s … 30 s, 1 min … 30 min,
/// 1 h, 2 h, 3 h, 6 h, 12 h, 1 d, 2 d, 1 week (Mondays), 1, 3, 6 months and 1, 2, 5, 10… years:
/// the smallest step giving at most `targetCount` ticks. Labels are in UTC, which is what
/// the server stores and what readers in different time zones can agree on.
///
/// ```swift
/// let start = Date(timeIntervalSince1970: 1_741_132_800)  // 2025-03-05 00:00 UTC
/// let scale = TimeScale(domain: start...start.addingTimeInterval(86_400), from: 0, to: 600)
/// scale.ticks(targetCount: 5).map(\.label)  // ["Mar 5 00:00", "06:00", "12:00", "18:00", "Mar 6"]
/// ```
public struct TimeScale: Sendable, Hashable {
    /// The dates that map onto the range.
    public var domain: ClosedRange<Date>
    /// The coordinate of `domain.lowerBound`.
    public var start: Double
    /// The coordinate of `domain.upperBound`.
    public var end: Double

    /// A scale taking `domain.lowerBound` to `start` and `domain.upperBound` to `end`.
    ///
    /// ```swift
    /// let x = TimeScale(domain: from...to, from: 48, to: 620)
    /// ```
    public init(domain: ClosedRange<Date>, from start: Double, to end: Double) {
        self.domain = domain
        self.start = start
        self.end = end
    }

    /// The coordinate of `date`; dates outside the domain extrapolate, and a zero-length
    /// domain maps everything to the middle of the range.
    ///
    /// ```swift
    /// let x = scale.position(of: event.date)
    /// ```
    public func position(of date: Date) -> Double {
        LinearScale(
            domain: domain.lowerBound.timeIntervalSince1970...domain.upperBound.timeIntervalSince1970,
            from: start, to: end
        ).position(of: date.timeIntervalSince1970)
    }

    /// Ticks at round UTC times inside the domain, labelled for the chosen step.
    ///
    /// - Parameter targetCount: The most ticks wanted (at least 2).
    ///
    /// ```swift
    /// let labels = scale.ticks(targetCount: 8).map(\.label)
    /// ```
    public func ticks(targetCount: Int = 6) -> [TimeTick] {
        let lower = domain.lowerBound.timeIntervalSince1970
        let upper = domain.upperBound.timeIntervalSince1970
        guard lower.isFinite, upper.isFinite, upper > lower else { return [] }
        let (step, dates) = TickStep.choose(from: lower, to: upper, targetCount: max(targetCount, 2))
        return dates.enumerated().map { index, date in
            TimeTick(date: date, label: step.format.label(for: UTCDate(date), isFirst: index == 0))
        }
    }
}

/// One tick of a ``TimeScale``.
///
/// ```swift
/// for tick in scale.ticks() { print(tick.date, tick.label) }
/// ```
public struct TimeTick: Sendable, Hashable {
    /// Where the tick is.
    public let date: Date
    /// Its text, e.g. `"14:00"`, `"Mar 5"` or `"Jan 2025"`.
    public let label: String
}

/// A step between time ticks.
private enum TickStep {
    case seconds(Int)
    case months(Int)
    case years(Int)

    private static let candidates: [TickStep] =
        [
            1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800,
            604_800,
        ]
        .map(TickStep.seconds) + [1, 3, 6].map(TickStep.months)
        + [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000].map(TickStep.years)

    /// The smallest step that gives at most `targetCount` ticks, with its ticks.
    ///
    /// Counting is left to the generated ticks because alignment decides whether a span of
    /// four steps holds four or five ticks; the estimate only skips steps that cannot fit.
    static func choose(from lower: Double, to upper: Double, targetCount: Int) -> (TickStep, [Date]) {
        for step in candidates where (upper - lower) / step.approximateSeconds <= Double(targetCount + 1) {
            let dates = step.dates(from: lower, to: upper)
            if dates.count <= targetCount { return (step, dates) }
        }
        let last = TickStep.years(20_000)
        return (last, last.dates(from: lower, to: upper))
    }

    private var approximateSeconds: Double {
        switch self {
        case .seconds(let seconds): Double(seconds)
        case .months(let months): Double(months) * 30.436_875 * 86_400
        case .years(let years): Double(years) * 365.2425 * 86_400
        }
    }

    var format: TimeLabelFormat {
        switch self {
        case .seconds(let seconds) where seconds < 60: .seconds
        case .seconds(let seconds) where seconds < 86_400: .minutes
        case .seconds: .days
        case .months: .months
        case .years: .years
        }
    }

    func dates(from lower: Double, to upper: Double) -> [Date] {
        var dates: [Date] = []
        switch self {
        case .seconds(let seconds):
            let step = Double(seconds)
            // Weeks start on Monday; 1970-01-05, four days after the epoch, was one.
            let offset = seconds == 604_800 ? 4 * 86_400.0 : 0
            var time = ((lower - offset) / step).rounded(.up) * step + offset
            while time <= upper {
                dates.append(Date(timeIntervalSince1970: time))
                time += step
            }
        case .months(let count):
            let first = UTCDate(Date(timeIntervalSince1970: lower))
            var index = first.year * 12 + first.month - 1
            index += (count - index % count) % count
            var date = UTCDate.date(year: 0, month: index + 1)
            while date.timeIntervalSince1970 <= upper {
                if date.timeIntervalSince1970 >= lower { dates.append(date) }
                index += count
                date = UTCDate.date(year: 0, month: index + 1)
            }
        case .years(let count):
            var year = UTCDate(Date(timeIntervalSince1970: lower)).year
            year += (count - year % count) % count
            var date = UTCDate.date(year: year, month: 1)
            while date.timeIntervalSince1970 <= upper {
                if date.timeIntervalSince1970 >= lower { dates.append(date) }
                year += count
                date = UTCDate.date(year: year, month: 1)
            }
        }
        return dates
    }
}

/// How a time tick or time bucket is labelled, by the size of the step between them.
enum TimeLabelFormat {
    case seconds
    case minutes
    case days
    case months
    case years

    /// The format for labels `spacing` seconds apart, e.g. heatmap columns.
    init(spacing: Double) {
        switch spacing {
        case ..<60: self = .seconds
        case ..<86_400: self = .minutes
        case ..<(28 * 86_400): self = .days
        case ..<(365 * 86_400): self = .months
        default: self = .years
        }
    }

    /// The label of one tick; the first tick of a sub-day axis carries its date, and
    /// midnight ticks show the new date instead of `00:00`, so the day is never ambiguous.
    func label(for date: UTCDate, isFirst: Bool) -> String {
        let midnight = date.hour == 0 && date.minute == 0 && date.second == 0
        switch self {
        case .seconds, .minutes:
            let clock = self == .seconds ? date.clockWithSeconds : date.clock
            if isFirst { return date.monthAndDay + " " + clock }
            return midnight ? date.monthAndDay : clock
        case .days:
            return date.monthAndDay
        case .months:
            return isFirst || date.month == 1 ? date.monthName + " " + String(date.year) : date.monthName
        case .years:
            return String(date.year)
        }
    }
}
