import Foundation

extension LineChart {
    /// The shaded interval of a series' forecast, drawn behind all lines.
    func drawForecastInterval(_ series: LinePlotData.Series, scales: Scales, into writer: inout SVGWriter) {
        let columns = series.forecast.map { point -> (x: Double, upper: Double, lower: Double)? in
            guard let lower = point.lower, let upper = point.upper else { return nil }
            return (scales.x.position(of: point.date), scales.y.position(of: upper), scales.y.position(of: lower))
        }
        guard columns.contains(where: { $0 != nil }) else { return }
        writer.element(
            "path",
            [
                "class": .text("dw-forecast-band \(series.style.cssClass)"), "d": .text(PathData.area(columns)),
                "fill": .text(series.style.color.hex), "fill-opacity": "0.15",
            ], title: "\(series.name) \(series.forecastLabel) interval")
    }

    /// The series' line, its forecast line and the markers of both, in one group.
    func drawSeries(_ series: LinePlotData.Series, scales: Scales, into writer: inout SVGWriter) {
        let color = series.style.color.hex
        writer.group(["class": .text("dw-series \(series.style.cssClass)"), "data-series": .text(series.name)]) {
            writer in
            let line = series.points.map { point in point.value.map { scales.point(point.date, $0) } }
            writer.element(
                "path",
                [
                    "class": "dw-line", "d": .text(PathData.line(line)), "fill": "none", "stroke": .text(color),
                    "stroke-width": "2", "stroke-linejoin": "round", "stroke-linecap": "round",
                    "stroke-dasharray": series.style.dash.map(SVGValue.text),
                ])
            if !series.forecast.isEmpty { drawForecastLine(series, scales: scales, into: &writer) }
            drawMarkers(series, scales: scales, into: &writer)
        }
    }

    private func drawForecastLine(_ series: LinePlotData.Series, scales: Scales, into writer: inout SVGWriter) {
        // The forecast continues from the last observation so the two lines join.
        let anchor = series.points.last { $0.value != nil }.flatMap { point in
            point.date <= series.forecast[0].date ? point.value.map { scales.point(point.date, $0) } : nil
        }
        let forecast = series.forecast.map { point in point.value.map { scales.point(point.date, $0) } }
        writer.element(
            "path",
            [
                "class": "dw-forecast", "d": .text(PathData.line((anchor.map { [$0] } ?? []) + forecast)),
                "fill": "none", "stroke": .text(series.style.color.hex), "stroke-width": "2",
                "stroke-dasharray": .text(Self.forecastDash), "stroke-linecap": "round",
            ])
    }

    /// One mark per value, observed or forecast, each with its value and a tooltip.
    ///
    /// Forecast markers are hollow so predictions read apart from observations; hidden
    /// markers stay in the document as transparent hover targets.
    private func drawMarkers(_ series: LinePlotData.Series, scales: Scales, into writer: inout SVGWriter) {
        let color = series.style.color.hex
        let visible = showsMarkers(series)
        let hidden: SVGAttributes = ["fill": .text(color), "fill-opacity": "0"]
        let observedStyle: SVGAttributes =
            visible ? ["fill": .text(color), "stroke": "#ffffff", "stroke-width": "1"] : hidden
        let forecastStyle: SVGAttributes =
            visible ? ["fill": "#ffffff", "stroke": .text(color), "stroke-width": "1.5"] : hidden
        for point in series.points {
            guard let value = point.value else { continue }
            let date = UTCDate(point.date)
            series.style.shape.draw(
                &writer, at: scales.point(point.date, value), radius: 3,
                attributes: ["class": "dw-point", "data-value": .exact(value), "data-time": .text(date.iso8601)]
                    + observedStyle,
                title: "\(series.name), \(date.timestamp): \(NumberText.readable(value))")
        }
        for point in series.forecast {
            guard let value = point.value else { continue }
            let date = UTCDate(point.date)
            var title = "\(series.name) \(series.forecastLabel), \(date.timestamp): \(NumberText.readable(value))"
            if let lower = point.lower, let upper = point.upper {
                title += " (\(NumberText.readable(lower)) to \(NumberText.readable(upper)))"
            }
            series.style.shape.draw(
                &writer, at: scales.point(point.date, value), radius: 3,
                attributes: [
                    "class": "dw-forecast-point", "data-value": .exact(value), "data-time": .text(date.iso8601),
                ] + forecastStyle, title: title)
        }
    }
}
