import Foundation

/// Which buckets cover a window: whole days as day buckets, whole hours as hour buckets, and
/// minutes for the rest, so that reading a window costs a number of buckets that grows with
/// its length only logarithmically in practice (≤ 2·59 minutes + 2·23 hours + the days).
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

    /// Plans the window `from ..< to`.
    public init(from: Date, to: Date) {
        let start = ProfileResolution.minute.bucketStart(of: from)
        var end = ProfileResolution.minute.bucketStart(of: to)
        if end < to { end += 60 }
        self.from = start
        self.to = end
        spans = Self.cover(start, end, .day)
    }

    /// The hour whose minute buckets end the plan, when the window's last span is a run of
    /// minutes from the start of an hour (up to 59 of them per version and segment): if nothing
    /// is stored in the rest of that hour, which is so for a window that ends now, the hour's
    /// bucket holds exactly the same events. Nil otherwise.
    public var closingHour: Span? {
        guard let last = spans.last, last.resolution == .minute,
            ProfileResolution.hour.bucketStart(of: last.from) == last.from,
            last.to.timeIntervalSince(last.from) < TimeInterval(ProfileResolution.hour.seconds)
        else { return nil }
        return Span(resolution: .hour, from: last.from, to: last.from + TimeInterval(ProfileResolution.hour.seconds))
    }

    /// This plan with its last minute span read as ``closingHour``.
    public func closingWithHour() -> ProfileWindowPlan {
        guard let hour = closingHour else { return self }
        var plan = self
        plan.spans[plan.spans.count - 1] = hour
        return plan
    }

    private static func cover(_ from: Date, _ to: Date, _ resolution: ProfileResolution) -> [Span] {
        guard from < to else { return [] }
        guard resolution != .minute else { return [Span(resolution: .minute, from: from, to: to)] }
        let finer: ProfileResolution = resolution == .day ? .hour : .minute
        let length = TimeInterval(resolution.seconds)
        var first = resolution.bucketStart(of: from)
        if first < from { first += length }
        let last = resolution.bucketStart(of: to)
        if first == last, from < first, first < to {
            // One boundary inside: finer spans on each side of it, so that the last one starts
            // on the boundary (see ``closingHour``).
            return cover(from, first, finer) + cover(first, to, finer)
        }
        guard first < last else { return cover(from, to, finer) }
        return cover(from, first, finer) + [Span(resolution: resolution, from: first, to: last)]
            + cover(last, to, finer)
    }
}
