import Foundation

/// Which buckets cover a window: whole days as day buckets, whole hours as hour buckets, whole
/// ten minutes as ten-minute buckets, and minutes for the rest, so that reading a window costs
/// a number of buckets that grows with its length only logarithmically in practice: at each
/// edge at most 9 minutes, 5 ten-minute buckets and 23 hours, and the whole days between
/// (≤ 2·9 minutes + 2·5 ten minutes + 2·23 hours + the days).
///
/// The spans are in time order, each ends where the next starts, each starts and ends on its
/// resolution's boundaries, and together they cover exactly `from ..< to`. A span is split at a
/// coarser boundary inside it, so that the window's end can be read coarser (see
/// ``closing(at:)``).
///
/// The window is widened to whole minutes: `from` rounds down and `to` rounds up.
public struct ProfileWindowPlan: Sendable, Hashable {
    /// A range of bucket starts, `from ≤ start < to`, at one resolution.
    public struct Span: Sendable, Hashable {
        public var resolution: ProfileResolution
        public var from: Date
        public var to: Date
    }

    /// The spans, in time order.
    public var spans: [Span]
    /// The widened window.
    public var from: Date
    public var to: Date

    /// The resolutions whose bucket can end a plan (``closing(at:)``), coarsest first.
    public static let closingResolutions: [ProfileResolution] = [.hour, .tenMinutes]

    /// The resolutions a window is covered with, coarsest first.
    private static let levels = ProfileResolution.allCases.sorted { $0.seconds > $1.seconds }

    /// Plans the window `from ..< to`.
    public init(from: Date, to: Date) {
        let start = ProfileResolution.minute.bucketStart(of: from)
        var end = ProfileResolution.minute.bucketStart(of: to)
        if end < to { end += 60 }
        self.from = start
        self.to = end
        spans = Self.cover(start, end, level: 0)
    }

    /// The bucket of `resolution` that can end the plan in place of its last spans, when those
    /// are finer than `resolution` and start on one of its boundaries (for an hour: up to 5
    /// ten-minute and 9 minute buckets; for ten minutes: up to 9 minutes). If nothing is stored
    /// in the rest of that bucket, which is so for a window that ends now, the bucket holds
    /// exactly the same events. Nil otherwise, and for minutes.
    public func closing(at resolution: ProfileResolution) -> Span? {
        guard resolution != .minute else { return nil }
        let length = TimeInterval(resolution.seconds)
        for span in spans.reversed() {
            guard span.resolution.seconds < resolution.seconds, to.timeIntervalSince(span.from) < length
            else { return nil }
            if resolution.bucketStart(of: span.from) == span.from {
                return Span(resolution: resolution, from: span.from, to: span.from + length)
            }
        }
        return nil
    }

    /// This plan with the spans that `closing` (from ``closing(at:)``) covers read as it.
    public func closing(with closing: Span) -> ProfileWindowPlan {
        var plan = self
        plan.spans.removeAll { $0.from >= closing.from }
        plan.spans.append(closing)
        return plan
    }

    /// The hour that can end the plan: ``closing(at:)`` for hours.
    public var closingHour: Span? { closing(at: .hour) }

    /// This plan with its last spans read as ``closingHour``.
    public func closingWithHour() -> ProfileWindowPlan {
        closingHour.map(closing(with:)) ?? self
    }

    private static func cover(_ from: Date, _ to: Date, level: Int) -> [Span] {
        guard from < to else { return [] }
        let resolution = levels[level]
        guard level + 1 < levels.count else { return [Span(resolution: resolution, from: from, to: to)] }
        let length = TimeInterval(resolution.seconds)
        var first = resolution.bucketStart(of: from)
        if first < from { first += length }
        let last = resolution.bucketStart(of: to)
        if first == last, from < first, first < to {
            // One boundary inside: finer spans on each side of it, so that the last ones start
            // on the boundary (see ``closing(at:)``).
            return cover(from, first, level: level + 1) + cover(first, to, level: level + 1)
        }
        guard first < last else { return cover(from, to, level: level + 1) }
        return cover(from, first, level: level + 1) + [Span(resolution: resolution, from: first, to: last)]
            + cover(last, to, level: level + 1)
    }
}
