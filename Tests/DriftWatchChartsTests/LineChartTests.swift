import DriftWatchCharts
import Foundation
import Testing

@Suite struct LineChartTests {
    private let dates = TestDates.minutes(24)
    private let counts: [Double?] = (0..<24).map { (index: Int) -> Double? in
        index == 5 ? 130 : Double((index * 37) % 120 + 3)
    }

    private func chart(_ series: [LineSeries], options: ChartOptions = ChartOptions()) -> LineChart {
        LineChart(title: "Requests per minute", series: series, options: options)
    }

    @Test("The SVG parses and has one mark per point, each with its input value")
    func marksMatchInput() throws {
        let svg = chart([LineSeries(name: "requests", dates: dates, values: counts)]).svg()
        let tree = try SVGTree(svg)
        let points = tree.elements(withClass: "dw-point")
        #expect(points.count == 24)
        #expect(points.compactMap { $0.number("data-value") } == counts.compactMap { $0 })
        #expect(points.allSatisfy { tree.title(of: $0)?.hasPrefix("requests, 2025-03-05 00:") == true })
    }

    @Test("Root carries role, viewBox, aspect ratio and labels that point at its title and desc")
    func accessibleRoot() throws {
        let tree = try SVGTree(chart([LineSeries(name: "requests", dates: dates, values: counts)]).svg())
        let root = tree.root
        #expect(root.name == "svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["viewBox"] == "0 0 640 300")
        #expect(root.attributes["preserveAspectRatio"] == "xMidYMid meet")
        #expect(root.attributes["width"] == "100%")
        let ids = (root.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
        #expect(ids.count == 2)
        let title = tree.elements.first { $0.attributes["id"] == ids.first }
        let desc = tree.elements.first { $0.attributes["id"] == ids.last }
        #expect(title?.name == "title" && title?.text == "Requests per minute")
        #expect(desc?.name == "desc")
        let description = desc?.text ?? ""
        #expect(description.contains("requests: 24 points"))
        #expect(description.contains("from 2025-03-05 00:00 UTC to 2025-03-05 00:23 UTC"))
        #expect(description.contains("max 130"))
        #expect(tree.elements(withClass: "dw-axis").count == 2)
        #expect(tree.elements.allSatisfy { $0.name != "script" })
    }

    @Test("With a tight extent the largest value touches the plot's top and the smallest its bottom")
    func extremesAtEdges() throws {
        let values: [Double?] = [12, 47, 3, 130, 64]
        let svg = chart(
            [LineSeries(name: "requests", dates: Array(dates.prefix(5)), values: values)],
            options: ChartOptions(extent: .tight)
        ).svg()
        let tree = try SVGTree(svg)
        let plot = try #require(tree.plotArea)
        let points = tree.elements(withClass: "dw-point")
        let top = try #require(points.first { $0.attributes["data-value"] == "130" }?.number("cy"))
        let bottom = try #require(points.first { $0.attributes["data-value"] == "3" }?.number("cy"))
        #expect(abs(top - plot.y) < 0.01)
        #expect(abs(bottom - plot.maxY) < 0.01)
    }

    @Test("With nice extent 0…100 data spans the whole plot; 50 sits in the middle")
    func niceExtentMapping() throws {
        let tree = try SVGTree(
            chart([LineSeries(name: "score", dates: Array(dates.prefix(3)), values: [0, 50, 100])]).svg())
        let plot = try #require(tree.plotArea)
        let ys = tree.elements(withClass: "dw-point").compactMap { $0.number("cy") }
        #expect(ys.count == 3)
        #expect(abs(ys[0] - plot.maxY) < 0.01)
        #expect(abs(ys[1] - (plot.y + plot.maxY) / 2) < 0.01)
        #expect(abs(ys[2] - plot.y) < 0.01)
    }

    @Test("Points are placed left to right in time order, even when given out of order")
    func timeOrdering() throws {
        let shuffled = [3, 0, 4, 1, 2].map { TimePoint(date: dates[$0], value: Double($0)) }
        let tree = try SVGTree(chart([LineSeries(name: "s", points: shuffled)]).svg())
        let points = tree.elements(withClass: "dw-point")
        let xs = points.compactMap { $0.number("cx") }
        #expect(xs == xs.sorted())
        #expect(xs.count == 5)
        #expect(points.compactMap { $0.number("data-value") } == [0, 1, 2, 3, 4])
        let plot = try #require(tree.plotArea)
        #expect(abs(xs[0] - plot.x) < 0.01 && abs(xs[4] - plot.maxX) < 0.01)
    }

    @Test("nil, NaN and infinite values leave gaps and never appear as text")
    func gaps() throws {
        let values: [Double?] = [1, nil, 3, .nan, 5, .infinity, 7, -.infinity]
        let svg = chart([LineSeries(name: "score", dates: Array(dates.prefix(8)), values: values)]).svg()
        #expect(!containsNonFiniteText(svg))
        let tree = try SVGTree(svg)
        #expect(tree.elements(withClass: "dw-point").compactMap { $0.number("data-value") } == [1, 3, 5, 7])
        let path = try #require(tree.elements(withClass: "dw-line").first?.attributes["d"])
        // Four isolated values: four subpaths, each a dot drawn by a zero-length segment.
        #expect(path.filter { $0 == "M" }.count == 4)
        #expect(path.components(separatedBy: "h0").count - 1 == 4)
        #expect(tree.elements.first { $0.name == "desc" }?.text.contains("4 missing values") == true)
    }

    @Test("A run of values is one subpath; a gap starts a new one")
    func runsAndGaps() throws {
        let tree = try SVGTree(
            chart([LineSeries(name: "s", dates: Array(dates.prefix(6)), values: [1, 2, 3, nil, 5, 6])]).svg())
        let path = try #require(tree.elements(withClass: "dw-line").first?.attributes["d"])
        #expect(path.filter { $0 == "M" }.count == 2)
        #expect(path.filter { $0 == "L" }.count == 3)
    }

    @Test("Thresholds, a constant band and a forecast are drawn and described")
    func annotations() throws {
        let forecastDates = (24..<30).map { TestDates.midnight.addingTimeInterval(Double($0) * 60) }
        let forecast = Forecast(
            points: forecastDates.enumerated().map { index, date in
                ForecastPoint(date: date, value: 100 + Double(index), lower: 90, upper: 115 + Double(index))
            })
        let chart = LineChart(
            title: "Requests per minute",
            series: [LineSeries(name: "requests", dates: dates, values: counts, forecast: forecast)],
            thresholds: [ThresholdLine(label: "capacity", value: 400)],
            band: .constant(lower: 20, upper: 110, label: "expected"))
        let svg = chart.svg()
        let tree = try SVGTree(svg)
        let plot = try #require(tree.plotArea)
        let threshold = try #require(tree.elements(withClass: "dw-threshold").first)
        #expect(threshold.number("data-value") == 400)
        // The axis stretches to the threshold far above the data.
        let thresholdY = try #require(threshold.number("y1"))
        #expect(thresholdY >= plot.y - 0.01 && thresholdY <= plot.maxY)
        #expect(tree.elements(withClass: "dw-band").count == 1)
        let forecastLine = try #require(tree.elements(withClass: "dw-forecast").first)
        #expect(forecastLine.attributes["stroke-dasharray"] != nil)
        // The forecast line starts at the last observation: 1 anchor + 6 forecast points.
        #expect(forecastLine.attributes["d"]?.filter { $0 == "L" }.count == 6)
        #expect(tree.elements(withClass: "dw-forecast-point").count == 6)
        #expect(tree.elements(withClass: "dw-forecast-band").count == 1)
        #expect(tree.elements(withClass: "dw-point").count == 24)
        let legend = tree.elements(withClass: "dw-legend-item").map { item in
            item.children.map { tree.elements[$0] }.first { $0.name == "text" }?.text ?? ""
        }
        #expect(legend == ["requests", "requests forecast", "expected"])
        let desc = tree.elements.first { $0.name == "desc" }?.text ?? ""
        #expect(desc.contains("Threshold capacity at 400"))
        #expect(desc.contains("expected from 20 to 110"))
        #expect(desc.contains("requests forecast: 6 points"))
    }

    @Test("A varying band becomes an area with a gap where a bound is missing")
    func varyingBand() throws {
        let band = AcceptanceBand.varying(
            dates.prefix(6).enumerated().map { index, date in
                BandPoint(date: date, lower: index == 3 ? nil : 10, upper: 150)
            })
        let chart = LineChart(
            title: "t", series: [LineSeries(name: "s", dates: dates, values: counts)], band: band)
        let tree = try SVGTree(chart.svg())
        let area = try #require(tree.elements(withClass: "dw-band").first?.attributes["d"])
        #expect(area.filter { $0 == "Z" }.count == 2)
    }

    @Test("Series differ by dash pattern and marker shape, not only by colour")
    func seriesStyles() throws {
        let tree = try SVGTree(
            chart([
                LineSeries(name: "a", dates: dates, values: counts),
                LineSeries(name: "b", dates: dates, values: counts.map { $0.map { $0 / 2 } }),
            ]).svg())
        let lines = tree.elements(withClass: "dw-line")
        #expect(lines.count == 2)
        #expect(lines[0].attributes["stroke-dasharray"] == nil)
        #expect(lines[1].attributes["stroke-dasharray"] != nil)
        #expect(lines[0].attributes["stroke"] != lines[1].attributes["stroke"])
        let series = tree.elements(withClass: "dw-series")
        #expect(series.map { $0.classes.contains("dw-series-0") } == [true, false])
        let shapes = series.map { group in
            Set(group.children.map { tree.elements[$0] }.filter { $0.classes.contains("dw-point") }.map(\.name))
        }
        #expect(shapes == [["circle"], ["rect"]])
        #expect(tree.elements(withClass: "dw-legend-item").count == 2)
    }

    @Test("Dense series keep invisible markers that still carry values and tooltips")
    func denseSeriesMarkers() throws {
        let many = TestDates.minutes(200)
        let tree = try SVGTree(
            chart([LineSeries(name: "s", dates: many, values: many.indices.map { Double($0 % 17) })]).svg())
        let points = tree.elements(withClass: "dw-point")
        #expect(points.count == 200)
        #expect(points.allSatisfy { $0.attributes["fill-opacity"] == "0" && tree.title(of: $0) != nil })
    }

    @Test("A single point gets a time axis an hour wide, centred on it")
    func singlePoint() throws {
        let tree = try SVGTree(chart([LineSeries(name: "s", dates: [dates[0]], values: [42])]).svg())
        let plot = try #require(tree.plotArea)
        let point = try #require(tree.elements(withClass: "dw-point").first)
        #expect(abs((point.number("cx") ?? 0) - (plot.x + plot.maxX) / 2) < 0.01)
        #expect(point.number("data-value") == 42)
    }

    @Test("No finite value shows the placeholder instead of a plot")
    func emptyData() throws {
        for series in [[], [LineSeries(name: "s", dates: dates, values: dates.map { _ in nil })]] {
            let svg = chart(series).svg()
            let tree = try SVGTree(svg)
            #expect(tree.allText.contains("No data in this window"))
            #expect(tree.marks.isEmpty)
            #expect(tree.plotArea == nil)
            #expect(tree.root.classes.contains("dw-no-data"))
        }
    }

    @Test("The same input renders the same string; fixed sizing writes pixel dimensions")
    func deterministicOutput() throws {
        let options = ChartOptions(width: 400, height: 200, sizing: .fixed, id: "traffic")
        let first = chart([LineSeries(name: "s", dates: dates, values: counts)], options: options).svg()
        let second = chart([LineSeries(name: "s", dates: dates, values: counts)], options: options).svg()
        #expect(first == second)
        let tree = try SVGTree(first)
        #expect(tree.root.attributes["width"] == "400" && tree.root.attributes["height"] == "200")
        #expect(tree.root.attributes["aria-labelledby"] == "traffic-title traffic-desc")
    }

    @Test("Coordinates have at most two decimals")
    func compactNumbers() throws {
        let svg = chart([LineSeries(name: "s", dates: dates, values: counts.map { $0.map { $0 / 7 } })]).svg()
        let tree = try SVGTree(svg)
        let coordinates = tree.elements.flatMap { element in
            ["x", "y", "cx", "cy", "x1", "y1", "width", "height"].compactMap { element.attributes[$0] }
        }
        #expect(!coordinates.isEmpty)
        #expect(coordinates.allSatisfy { ($0.split(separator: ".").dropFirst().first?.count ?? 0) <= 2 })
    }
}
