import Foundation

/// A ``LineChart``'s input cleaned for drawing: points with unusable dates dropped,
/// non-finite values turned into gaps, everything sorted by date, and the extents of
/// time and value that the axes must cover.
struct LinePlotData {
    struct Series {
        let name: String
        let style: SeriesStyle
        let points: [TimePoint]
        let forecast: [ForecastPoint]
        let forecastLabel: String
        /// The values that will be drawn, i.e. not `nil`.
        var values: [Double] { points.compactMap(\.value) }
    }

    let series: [Series]
    /// The constant band or the band points inside the time domain.
    let band: AcceptanceBand?
    let thresholds: [ThresholdLine]
    let timeDomain: ClosedRange<Date>
    /// The smallest and largest value any mark, band or threshold needs to show.
    let valueExtent: (lower: Double, upper: Double)

    /// `nil` when no series has a single finite value (observed or forecast) to draw.
    init?(_ chart: LineChart, palette: Palette) {
        let series = chart.series.enumerated().map { index, series in
            Series(
                name: series.name, style: SeriesStyle(index: index, palette: palette),
                points: Self.sortedByDate(
                    series.points.filter { UTCDate.isSupported($0.date) }.map {
                        TimePoint(date: $0.date, value: Self.finite($0.value))
                    }, date: \.date),
                forecast: Self.sortedByDate(
                    (series.forecast?.points ?? []).filter { UTCDate.isSupported($0.date) }.map {
                        ForecastPoint(
                            date: $0.date, value: Self.finite($0.value), lower: Self.finite($0.lower),
                            upper: Self.finite($0.upper))
                    }, date: \.date),
                forecastLabel: series.forecast?.label ?? "forecast")
        }
        let dates = series.flatMap { $0.points.map(\.date) + $0.forecast.map(\.date) }
        let hasValues = series.contains { !$0.values.isEmpty || $0.forecast.contains { $0.value != nil } }
        guard hasValues, let first = dates.min(), let last = dates.max() else { return nil }
        // A single instant has no width; half an hour either side centres it on a readable axis.
        let timeDomain =
            first == last ? first.addingTimeInterval(-1_800)...last.addingTimeInterval(1_800) : first...last
        let thresholds = chart.thresholds.filter(\.value.isFinite)

        var values = series.flatMap { series in
            series.values + series.forecast.flatMap { [$0.value, $0.lower, $0.upper].compactMap { $0 } }
        }
        values += thresholds.map(\.value)
        let band: AcceptanceBand?
        switch chart.band?.bounds {
        case .constant(let lower, let upper)?:
            // A band with an open end cannot be shaded; it neither draws nor stretches the axis.
            let drawable = lower.isFinite && upper.isFinite
            if drawable { values += [lower, upper] }
            band = drawable ? chart.band : nil
        case .varying(let points)?:
            let inside = Self.sortedByDate(
                points.filter { UTCDate.isSupported($0.date) && timeDomain.contains($0.date) }.map {
                    BandPoint(date: $0.date, lower: Self.finite($0.lower), upper: Self.finite($0.upper))
                }, date: \.date)
            values += inside.flatMap { [$0.lower, $0.upper].compactMap { $0 } }
            band = chart.band.map { AcceptanceBand(label: $0.label, bounds: .varying(inside)) }
        case nil:
            band = nil
        }
        if chart.includesZero { values.append(0) }
        self.series = series
        self.band = band
        self.thresholds = thresholds
        self.timeDomain = timeDomain
        valueExtent = (values.min() ?? 0, values.max() ?? 1)
    }

    private static func finite(_ value: Double?) -> Double? {
        value.flatMap { $0.isFinite ? $0 : nil }
    }

    /// Sorted by date, keeping the input order of equal dates so that output is deterministic.
    private static func sortedByDate<Element>(_ elements: [Element], date: (Element) -> Date) -> [Element] {
        elements.enumerated().sorted { a, b in
            let (dateA, dateB) = (date(a.element), date(b.element))
            return dateA != dateB ? dateA < dateB : a.offset < b.offset
        }.map(\.element)
    }
}
