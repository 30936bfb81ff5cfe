import Foundation

/// Predicted values that continue a ``LineSeries``, drawn as a dashed line from the last
/// observation with a shaded uncertainty interval.
///
/// ```swift
/// let forecast = Forecast(points: [
///     ForecastPoint(date: t1, value: 120, lower: 100, upper: 140),
///     ForecastPoint(date: t2, value: 125, lower: 98, upper: 152),
/// ])
/// ```
public struct Forecast: Sendable, Hashable {
    /// Legend text after the series name, e.g. "inferences forecast".
    public var label: String
    /// The predictions, in any order.
    public var points: [ForecastPoint]

    /// A forecast from its points.
    ///
    /// ```swift
    /// Forecast(label: "projection", points: points)
    /// ```
    public init(label: String = "forecast", points: [ForecastPoint]) {
        self.label = label
        self.points = points
    }
}

/// One predicted value with an optional interval.
///
/// ```swift
/// ForecastPoint(date: tomorrow, value: 0.91, lower: 0.88, upper: 0.94)
/// ```
public struct ForecastPoint: Sendable, Hashable {
    /// When the prediction applies.
    public var date: Date
    /// The predicted value; `nil` leaves a gap.
    public var value: Double?
    /// Lower end of the interval; the band is drawn where both ends are known.
    public var lower: Double?
    /// Upper end of the interval.
    public var upper: Double?

    /// A predicted value at `date`; without `lower` and `upper` no interval is drawn.
    ///
    /// ```swift
    /// ForecastPoint(date: nextHour, value: 118)
    /// ```
    public init(date: Date, value: Double?, lower: Double? = nil, upper: Double? = nil) {
        self.date = date
        self.value = value
        self.lower = lower
        self.upper = upper
    }
}
