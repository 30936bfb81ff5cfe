import Foundation
import Testing

@testable import DriftWatchCore

/// The planner's invariants on many windows: exact coverage, order, alignment, bounded bucket
/// counts, and closings that replace only what they cover.
@Suite struct ProfileWindowPlanTests {
    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// Windows starting at every 7th minute (and a few seconds) of two hours, of lengths from a
    /// minute to two days, on either side of hour, ten-minute and day boundaries.
    static let windows: [(from: Date, to: Date)] = {
        let base = date("2026-01-01T22:00:00Z")
        let lengths: [TimeInterval] = [
            1, 60, 5 * 60, 9 * 60, 10 * 60, 11 * 60, 45 * 60, 59 * 60, 3_600, 61 * 60, 119 * 60, 6 * 3_600,
            86_340, 86_400, 90_000, 2 * 86_400 + 47 * 60 + 13,
        ]
        return (0..<18).flatMap { i in
            lengths.map { length in
                let from = base + Double(i * 7 * 60 + (i % 3) * 20)
                return (from, from + length)
            }
        }
    }()

    static func buckets(_ plan: ProfileWindowPlan, _ resolution: ProfileResolution) -> Int {
        plan.spans.filter { $0.resolution == resolution }
            .reduce(0) { $0 + Int($1.to.timeIntervalSince($1.from)) / Int(resolution.seconds) }
    }

    @Test func everyWindowIsCoveredExactlyInOrderByAlignedSpans() {
        for (from, to) in Self.windows {
            let plan = ProfileWindowPlan(from: from, to: to)
            let place = "\(from) ..< \(to)"
            #expect(plan.from <= from && from < plan.from + 60 && to <= plan.to && plan.to < to + 60, "\(place)")
            #expect(plan.spans.first?.from == plan.from && plan.spans.last?.to == plan.to, "\(place)")
            for (a, b) in zip(plan.spans, plan.spans.dropFirst()) { #expect(a.to == b.from, "\(place)") }
            for span in plan.spans {
                #expect(span.from < span.to, "\(place)")
                #expect(span.resolution.bucketStart(of: span.from) == span.from, "\(place)")
                #expect(span.resolution.bucketStart(of: span.to) == span.to, "\(place)")
            }
            // Coarsest in the middle: resolutions grow, then shrink.
            let lengths = plan.spans.map(\.resolution.seconds)
            let peak = lengths.firstIndex(of: lengths.max() ?? 0) ?? 0
            #expect(lengths[..<peak].elementsEqual(lengths[..<peak].sorted()), "\(place)")
            #expect(lengths[peak...].elementsEqual(lengths[peak...].sorted(by: >)), "\(place)")
        }
    }

    @Test func bucketCountsStayWithinTheDocumentedBounds() {
        for (from, to) in Self.windows {
            let plan = ProfileWindowPlan(from: from, to: to)
            #expect(Self.buckets(plan, .minute) <= 2 * 9, "\(from) ..< \(to)")
            #expect(Self.buckets(plan, .tenMinutes) <= 2 * 5, "\(from) ..< \(to)")
            #expect(Self.buckets(plan, .hour) <= 2 * 23, "\(from) ..< \(to)")
            for span in plan.spans where span.resolution == .minute {
                #expect(span.to.timeIntervalSince(span.from) <= 9 * 60, "\(from) ..< \(to)")
            }
            for span in plan.spans where span.resolution == .tenMinutes {
                #expect(span.to.timeIntervalSince(span.from) <= 5 * 600, "\(from) ..< \(to)")
            }
        }
        // The worst case: a minute after the start of a day to a minute before the end of the
        // day after next.
        let worst = ProfileWindowPlan(from: Self.date("2026-01-01T00:01:00Z"), to: Self.date("2026-01-03T23:59:00Z"))
        #expect(worst.spans.map(\.resolution) == [.minute, .tenMinutes, .hour, .day, .hour, .tenMinutes, .minute])
        #expect(Self.buckets(worst, .minute) == 18 && Self.buckets(worst, .tenMinutes) == 10)
        #expect(Self.buckets(worst, .hour) == 46 && Self.buckets(worst, .day) == 1)
    }

    @Test func aClosingExistsExactlyWhenTheWindowEndsInsideABucketItStartsBefore() {
        for (from, to) in Self.windows {
            let plan = ProfileWindowPlan(from: from, to: to)
            for resolution in ProfileWindowPlan.closingResolutions {
                let place = "\(resolution) \(from) ..< \(to)"
                let start = resolution.bucketStart(of: plan.to)
                let expected = start < plan.to && start >= plan.from
                guard let closing = plan.closing(at: resolution) else {
                    #expect(!expected, "\(place)")
                    continue
                }
                #expect(expected, "\(place)")
                #expect(closing.resolution == resolution && closing.from == start, "\(place)")
                #expect(closing.to == start + TimeInterval(resolution.seconds), "\(place)")
                // It replaces the finer spans from its start, and keeps everything before.
                let closed = plan.closing(with: closing)
                let kept = plan.spans.filter { $0.from < start }
                #expect(closed.spans == kept + [closing], "\(place)")
                #expect(
                    plan.spans.filter { $0.from >= start }.allSatisfy { $0.resolution.seconds < resolution.seconds })
                #expect(kept.last.map { $0.to == start } ?? (plan.from == start), "\(place)")
            }
        }
    }

    @Test func theLastMinutesCloseWithTheirTenMinutesAndEverythingSinceTheHourWithTheHour() throws {
        // 10:35 ..< 11:25: minutes, ten minutes to 11:00, then 11:00–11:20 and 11:20–11:25.
        let plan = ProfileWindowPlan(from: Self.date("2026-01-01T10:35:00Z"), to: Self.date("2026-01-01T11:25:00Z"))
        #expect(plan.spans.map(\.resolution) == [.minute, .tenMinutes, .tenMinutes, .minute])
        let tenMinutes = try #require(plan.closing(at: .tenMinutes))
        #expect(tenMinutes.from == Self.date("2026-01-01T11:20:00Z"))
        #expect(tenMinutes.to == Self.date("2026-01-01T11:30:00Z"))
        #expect(
            plan.closing(with: tenMinutes).spans.map(\.resolution) == [.minute, .tenMinutes, .tenMinutes, .tenMinutes])
        let hour = try #require(plan.closingHour)
        #expect(hour.from == Self.date("2026-01-01T11:00:00Z") && hour.to == Self.date("2026-01-01T12:00:00Z"))
        #expect(plan.closingWithHour().spans.map(\.resolution) == [.minute, .tenMinutes, .hour])
        // Minutes split at a ten-minute boundary close from it; none closes at a minute.
        let short = ProfileWindowPlan(from: Self.date("2026-01-01T10:05:00Z"), to: Self.date("2026-01-01T10:15:00Z"))
        #expect(short.spans.map(\.resolution) == [.minute, .minute])
        #expect(short.closing(at: .tenMinutes)?.from == Self.date("2026-01-01T10:10:00Z"))
        #expect(short.closingHour == nil && short.closing(at: .minute) == nil)
    }
}
