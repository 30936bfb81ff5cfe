import DriftWatchCore
import Foundation

/// Equal time buckets for stored monitor results, which the monitors write every round: a
/// sparkline or heatmap shows each bucket's mean instead of hundreds of points.
struct ResultBuckets: Sendable {
    /// The bucket starts, oldest first; each bucket is `length` seconds long.
    let starts: [Date]
    let length: TimeInterval

    /// Buckets of `length` seconds, aligned to the Unix epoch, covering `from ..< to`.
    init(from: Date, to: Date, length: TimeInterval) {
        let first = (from.timeIntervalSince1970 / length).rounded(.down) * length
        var starts: [Date] = []
        var start = first
        while start < to.timeIntervalSince1970 {
            starts.append(Date(timeIntervalSince1970: start))
            start += length
        }
        self.starts = starts
        self.length = length
    }

    /// About `count` buckets from the first result to `now`: 5 minutes long for up to two
    /// hours of results, 15 minutes up to six hours, then hours.
    static func covering(_ results: [MonitorResult], now: Date, count: Int = 24) -> ResultBuckets {
        let first = results.map(\.windowEnd).min() ?? now
        let span = now.timeIntervalSince(first)
        let length: TimeInterval = span <= 7_200 ? 300 : span <= 21_600 ? 900 : 3_600
        return ResultBuckets(from: max(first, now.addingTimeInterval(-length * Double(count))), to: now, length: length)
    }

    /// The mean of the values whose window ends in each bucket; nil for a bucket without one.
    func means(_ results: [MonitorResult]) -> [Double?] {
        guard let first = starts.first else { return [] }
        var sums = [Double](repeating: 0, count: starts.count)
        var counts = [Int](repeating: 0, count: starts.count)
        for result in results {
            guard let value = result.value, value.isFinite else { continue }
            let index = Int((result.windowEnd.timeIntervalSince(first) / length).rounded(.down))
            guard index >= 0, index < starts.count else { continue }
            sums[index] += value
            counts[index] += 1
        }
        return zip(sums, counts).map { $1 == 0 ? nil : $0 / Double($1) }
    }
}
