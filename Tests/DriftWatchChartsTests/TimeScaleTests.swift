import DriftWatchCharts
import Foundation
import Testing

@Suite struct TimeScaleTests {
    private let midnight = TestDates.midnight  // 2025-03-05 00:00 UTC

    @Test("A day with at most 5 ticks steps by 6 hours (3 h would give 8); midnight shows the date")
    func dayInSixHourSteps() {
        let scale = TimeScale(domain: midnight...midnight.addingTimeInterval(86_400), from: 0, to: 600)
        let ticks = scale.ticks(targetCount: 5)
        #expect(ticks.map(\.label) == ["Mar 5 00:00", "06:00", "12:00", "18:00", "Mar 6"])
        #expect(ticks.map { scale.position(of: $0.date) } == [0, 150, 300, 450, 600])
    }

    @Test("14:03–14:58 with at most 6 ticks steps by 10 minutes (5 min would give 11)")
    func minutes() {
        let start = midnight.addingTimeInterval(14 * 3_600 + 3 * 60)
        let scale = TimeScale(domain: start...start.addingTimeInterval(55 * 60), from: 0, to: 100)
        #expect(scale.ticks(targetCount: 6).map(\.label) == ["Mar 5 14:10", "14:20", "14:30", "14:40", "14:50"])
    }

    @Test("Ten days with at most 6 ticks step by 2 days (1 day would give 11), at midnight UTC")
    func days() {
        let scale = TimeScale(domain: midnight...midnight.addingTimeInterval(10 * 86_400), from: 0, to: 100)
        let ticks = scale.ticks(targetCount: 6)
        #expect(ticks.count == 6)
        #expect(ticks.allSatisfy { $0.date.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400) == 0 })
        #expect(ticks.map(\.label).allSatisfy { $0.hasPrefix("Mar ") })
    }

    @Test("2024-01-15 to 2024-12-20 steps by 3 months from April; the first label has the year")
    func months() {
        let scale = TimeScale(
            domain: Date(timeIntervalSince1970: 1_705_276_800)...Date(timeIntervalSince1970: 1_734_652_800), from: 0,
            to: 100)
        #expect(scale.ticks(targetCount: 6).map(\.label) == ["Apr 2024", "Jul", "Oct"])
    }

    @Test("Earlier dates map left of later ones; the domain ends map to the range ends")
    func positions() {
        let end = midnight.addingTimeInterval(3_600)
        let scale = TimeScale(domain: midnight...end, from: 40, to: 640)
        #expect(scale.position(of: midnight) == 40)
        #expect(scale.position(of: end) == 640)
        #expect(scale.position(of: midnight.addingTimeInterval(900)) == 190)
    }

    @Test("A zero-length domain has no ticks and maps to the middle")
    func zeroLengthDomain() {
        let scale = TimeScale(domain: midnight...midnight, from: 0, to: 100)
        #expect(scale.ticks().isEmpty)
        #expect(scale.position(of: midnight) == 50)
    }
}
