import Foundation

/// One value of a time series; `nil` marks a bucket without data, drawn as a gap.
///
/// ```swift
/// let point = TimePoint(date: bucketStart, value: 0.12)
/// let missing = TimePoint(date: nextBucket, value: nil)
/// ```
public struct TimePoint: Sendable, Hashable {
    /// When the value was observed (or the start of its bucket).
    public var date: Date
    /// The value; `nil`, NaN and infinities leave a gap in the line.
    public var value: Double?

    /// A point at `date`.
    ///
    /// ```swift
    /// TimePoint(date: Date(timeIntervalSince1970: 1_741_185_000), value: 130)
    /// ```
    public init(date: Date, value: Double?) {
        self.date = date
        self.value = value
    }
}

/// A named line of a ``LineChart``, optionally continued by a forecast.
///
/// ```swift
/// let traffic = LineSeries(name: "inferences", dates: buckets, values: counts)
/// let accuracy = LineSeries(
///     name: "accuracy", points: history,
///     forecast: Forecast(points: [ForecastPoint(date: tomorrow, value: 0.91, lower: 0.88, upper: 0.94)]))
/// ```
public struct LineSeries: Sendable, Hashable {
    /// Shown in the legend, tooltips and the chart's description.
    public var name: String
    /// The observations, in any order; the chart sorts them by date.
    public var points: [TimePoint]
    /// Predicted values after the observations, drawn dashed with their interval.
    public var forecast: Forecast?

    /// A series from its points.
    ///
    /// ```swift
    /// LineSeries(name: "p95 latency", points: [TimePoint(date: t0, value: 41), TimePoint(date: t1, value: 44)])
    /// ```
    public init(name: String, points: [TimePoint], forecast: Forecast? = nil) {
        self.name = name
        self.points = points
        self.forecast = forecast
    }

    /// A series from parallel arrays of dates and values; extra elements of the longer
    /// array are ignored.
    ///
    /// ```swift
    /// LineSeries(name: "PSI", dates: [t0, t1, t2], values: [0.02, nil, 0.31])
    /// ```
    public init(name: String, dates: [Date], values: [Double?], forecast: Forecast? = nil) {
        self.init(name: name, points: zip(dates, values).map { TimePoint(date: $0, value: $1) }, forecast: forecast)
    }
}
