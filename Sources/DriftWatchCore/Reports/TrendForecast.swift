import DriftStats
import Foundation

/// A performance series projected forward by its straight-line trend: when, if the trend
/// holds, the metric reaches its acceptance threshold.
///
/// The line is an ordinary least-squares fit (``LinearTrend``) of the values against time in
/// days, measured from `end` (the end of the report's window), so a crossing at x = 5.2 is
/// 5.2 days after `end`. Each projected point carries the 95 % prediction interval of a new
/// value there. The interval assumes independent errors around the line; values of
/// neighbouring windows are correlated, so treat the band as a lower bound on the
/// uncertainty.
///
/// ```swift
/// let forecast = TrendForecast(
///     series: daily, threshold: 0.81, direction: .higherIsBetter, end: now, horizon: 14 * 86_400)
/// print(forecast.sentence(metric: "accuracy"))
/// // If the trend holds, accuracy crosses the acceptance threshold (0.81) in 5.2 days.
/// ```
public struct TrendForecast: Sendable, Hashable, Codable {
    /// Which side of the threshold is good.
    public enum Direction: String, Sendable, Hashable, Codable {
        /// Accuracy, F1, AUC: falling below the threshold is the failure.
        case higherIsBetter = "higher_is_better"
        /// RMSE, MAE: rising above the threshold is the failure.
        case lowerIsBetter = "lower_is_better"

        /// Whether `value` is on the failing side of `threshold`.
        public func fails(_ value: Double, threshold: Double) -> Bool {
            self == .higherIsBetter ? value < threshold : value > threshold
        }
    }

    /// What the trend says.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The line reaches the threshold within the horizon.
        case crosses
        /// It does not within the horizon (or moves away from it).
        case doesNotCross = "does_not_cross"
        /// At the end of the window the line is already on the failing side.
        case alreadyCrossed = "already_crossed"
        /// Fewer than ``TrendForecast/minimumPoints`` values at distinct times.
        case notEnoughPoints = "not_enough_points"
    }

    /// One projected value with its prediction interval.
    public struct Point: Sendable, Hashable, Codable {
        public var at: Date
        public var value: Double
        public var lower: Double
        public var upper: Double

        public init(at: Date, value: Double, lower: Double, upper: Double) {
            self.at = at
            self.value = value
            self.lower = lower
            self.upper = upper
        }
    }

    /// The fewest values a forecast is made from (a prediction interval needs n − 2 ≥ 1).
    public static let minimumPoints = LinearTrend.minimumCount

    public var outcome: Outcome
    /// Values the line was fitted on.
    public var pointsUsed: Int
    public var threshold: Double
    public var direction: Direction
    /// How far ahead the projection goes, in days after the window's end.
    public var horizonDays: Double
    /// The prediction interval's probability (0.95).
    public var confidence: Double
    /// Change of the metric per day; nil without a fit.
    public var slopePerDay: Double?
    /// The line's value at the end of the window.
    public var valueAtEnd: Double?
    /// Days from the window's end until the line meets the threshold (negative: it met it
    /// before the end); nil without a fit or for a flat line.
    public var daysToThreshold: Double?
    /// The projected values after the window's end.
    public var points: [Point]

    /// Fits `series` (any order; non-finite values are skipped) and projects it `horizon`
    /// seconds past `end` in `steps` equal steps.
    public init(
        series: [(date: Date, value: Double)], threshold: Double, direction: Direction, end: Date,
        horizon: TimeInterval, steps: Int = 12, confidence: Double = 0.95
    ) {
        let finite = series.filter { $0.value.isFinite }
        self.threshold = threshold
        self.direction = direction
        horizonDays = horizon / 86_400
        self.confidence = confidence
        pointsUsed = finite.count
        points = []
        func days(_ date: Date) -> Double { date.timeIntervalSince(end) / 86_400 }
        guard finite.count >= Self.minimumPoints,
            let trend = try? LinearTrend(x: finite.map { days($0.date) }, y: finite.map(\.value))
        else {
            outcome = .notEnoughPoints
            return
        }
        slopePerDay = trend.slope
        valueAtEnd = trend.value(at: 0)
        daysToThreshold = trend.crossing(of: threshold)
        let horizonDays = horizonDays
        points = (1...max(steps, 1)).map { step in
            let x = horizonDays * Double(step) / Double(max(steps, 1))
            let (value, lower, upper) = trend.prediction(at: x, confidence: confidence)
            return Point(at: end.addingTimeInterval(x * 86_400), value: value, lower: lower, upper: upper)
        }
        if direction.fails(trend.value(at: 0), threshold: threshold) {
            outcome = .alreadyCrossed
        } else if let crossing = daysToThreshold, crossing > 0, crossing <= horizonDays {
            outcome = .crosses
        } else {
            outcome = .doesNotCross
        }
    }

    /// The forecast in one sentence, e.g. "If the trend holds, accuracy crosses the acceptance
    /// threshold (0.81) in 5.2 days."
    public func sentence(metric: String) -> String {
        let line = "the acceptance threshold (\(ReportNumber.text(threshold)))"
        switch outcome {
        case .notEnoughPoints:
            return
                "Not enough points to forecast \(metric) (need ≥ \(Self.minimumPoints), have \(pointsUsed))."
        case .crosses:
            return "If the trend holds, \(metric) crosses \(line) in \(ReportNumber.days(daysToThreshold ?? 0))."
        case .alreadyCrossed:
            return "The trend of \(metric) is already past \(line) at the end of the window."
        case .doesNotCross:
            let away = slopePerDay.map { direction == .higherIsBetter ? $0 >= 0 : $0 <= 0 } ?? true
            return "If the trend holds, \(metric) does not cross \(line) within "
                + "\(ReportNumber.days(horizonDays)) (the forecast horizon)"
                + (away ? "; it is not getting worse." : ".")
        }
    }
}
