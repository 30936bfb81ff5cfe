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

    private static func cover(_ from: Date, _ to: Date, _ resolution: ProfileResolution) -> [Span] {
        guard from < to else { return [] }
        guard resolution != .minute else { return [Span(resolution: .minute, from: from, to: to)] }
        let finer: ProfileResolution = resolution == .day ? .hour : .minute
        let length = TimeInterval(resolution.seconds)
        var first = resolution.bucketStart(of: from)
        if first < from { first += length }
        let last = resolution.bucketStart(of: to)
        guard first < last else { return cover(from, to, finer) }
        return cover(from, first, finer) + [Span(resolution: resolution, from: first, to: last)]
            + cover(last, to, finer)
    }
}
