import DriftWatchCore
import Foundation
import Testing

/// The report's forecast on series whose answer is known by hand: an exact straight line
/// reaches its threshold where the algebra says, and the sentence carries that number.
@Suite struct ReportTrendForecastTests {
    let end = Date(timeIntervalSince1970: 1_790_000_000)

    /// `values[i]` at `days[i]` days after `end` (negative: before it).
    private func series(_ days: [Double], _ values: [Double]) -> [(date: Date, value: Double)] {
        zip(days, values).map { (end.addingTimeInterval($0 * 86_400), $1) }
    }

    @Test func anExactDeclineCrossesWhereTheLineMeetsTheThreshold() throws {
        // 0.90 at the end, falling 0.01 a day: 0.85 is reached 5 days later.
        let days: [Double] = [-6, -5, -4, -3, -2, -1, 0]
        let forecast = TrendForecast(
            series: series(days, days.map { 0.90 - 0.01 * $0 }), threshold: 0.85, direction: .higherIsBetter, end: end,
            horizon: 14 * 86_400)
        #expect(forecast.outcome == .crosses)
        #expect(forecast.pointsUsed == 7)
        let crossing = try #require(forecast.daysToThreshold)
        #expect(abs(crossing - 5) < 1e-9)
        #expect(abs(try #require(forecast.slopePerDay) + 0.01) < 1e-12)
        #expect(forecast.points.count == 12)
        // An exact line has no residual spread: the band closes on the line.
        let last = try #require(forecast.points.last)
        #expect(abs(last.value - (0.90 - 0.14)) < 1e-9)
        #expect(abs(last.upper - last.lower) < 1e-9)
        #expect(last.at == end.addingTimeInterval(14 * 86_400))
        #expect(
            forecast.sentence(metric: "accuracy")
                == "If the trend holds, accuracy crosses the acceptance threshold (0.85) in 5.0 days.")
    }

    @Test func aRisingErrorCrossesAnUpperThreshold() throws {
        let days: [Double] = [-3, -2, -1, 0]
        let forecast = TrendForecast(
            series: series(days, days.map { 4 + 0.5 * $0 }), threshold: 5.5, direction: .lowerIsBetter, end: end,
            horizon: 7 * 86_400)
        #expect(forecast.outcome == .crosses)
        #expect(abs(try #require(forecast.daysToThreshold) - 3) < 1e-9)
    }

    @Test func aCrossingBeyondTheHorizonOrAnImprovingTrendDoesNotCross() {
        let days: [Double] = [-4, -3, -2, -1, 0]
        let slow = TrendForecast(
            series: series(days, days.map { 0.90 - 0.001 * $0 }), threshold: 0.80, direction: .higherIsBetter,
            end: end, horizon: 7 * 86_400)
        #expect(slow.outcome == .doesNotCross, "the line reaches 0.80 after 100 days")
        #expect(
            slow.sentence(metric: "accuracy").contains("does not cross the acceptance threshold (0.8) within 7.0 days"))
        let improving = TrendForecast(
            series: series(days, days.map { 0.90 + 0.01 * $0 }), threshold: 0.80, direction: .higherIsBetter,
            end: end, horizon: 7 * 86_400)
        #expect(improving.outcome == .doesNotCross)
        #expect(improving.sentence(metric: "accuracy").hasSuffix("it is not getting worse."))
    }

    @Test func aLineAlreadyPastTheThresholdSaysSo() {
        let days: [Double] = [-2, -1, 0]
        let forecast = TrendForecast(
            series: series(days, [0.8, 0.75, 0.7]), threshold: 0.78, direction: .higherIsBetter, end: end,
            horizon: 86_400)
        #expect(forecast.outcome == .alreadyCrossed)
        #expect(forecast.sentence(metric: "accuracy").contains("already past the acceptance threshold (0.78)"))
    }

    @Test func fewerThanThreePointsIsNotEnough() {
        let forecast = TrendForecast(
            series: series([-1, 0], [0.9, 0.8]) + [(end, .nan)], threshold: 0.5, direction: .higherIsBetter, end: end,
            horizon: 86_400)
        #expect(forecast.outcome == .notEnoughPoints)
        #expect(forecast.pointsUsed == 2, "the NaN is not a point")
        #expect(forecast.points.isEmpty)
        #expect(forecast.sentence(metric: "accuracy") == "Not enough points to forecast accuracy (need ≥ 3, have 2).")
        let sameTime = TrendForecast(
            series: series([0, 0, 0], [0.9, 0.8, 0.7]), threshold: 0.5, direction: .higherIsBetter, end: end,
            horizon: 86_400)
        #expect(sameTime.outcome == .notEnoughPoints, "three values at one time give no slope")
    }

    @Test func theBandWidensAwayFromTheData() throws {
        let days: [Double] = [-5, -4, -3, -2, -1, 0]
        let forecast = TrendForecast(
            series: series(days, [0.91, 0.90, 0.905, 0.89, 0.88, 0.885]), threshold: 0.5, direction: .higherIsBetter,
            end: end, horizon: 10 * 86_400)
        let widths = forecast.points.map { $0.upper - $0.lower }
        #expect(widths.count == 12)
        #expect(zip(widths, widths.dropFirst()).allSatisfy { $0 < $1 })
        #expect(forecast.points.allSatisfy { $0.lower < $0.value && $0.value < $0.upper })
    }
}
