import DriftWatchCharts
import Testing

@Suite struct ScatterPlotTests {
    private let points = [
        ScatterPoint(x: 18, y: 0.1, group: "A"), ScatterPoint(x: 40, y: 0.5, group: "B"),
        ScatterPoint(x: 65, y: 0.9, group: "A"), ScatterPoint(x: 30, y: 0.3, group: "C"),
        ScatterPoint(x: 50, y: 0.7, group: "B"),
    ]

    @Test("One mark per point with y as data-value, x and group as attributes")
    func marks() throws {
        let tree = try SVGTree(ScatterPlot(title: "Prediction vs age", points: points).svg())
        let marks = tree.elements(withClass: "dw-point")
        #expect(marks.count == 5)
        // Drawn group by group, in order of first appearance: A, B, C.
        #expect(marks.compactMap { $0.number("data-value") } == [0.1, 0.9, 0.5, 0.7, 0.3])
        #expect(marks.compactMap { $0.number("data-x") } == [18, 65, 40, 50, 30])
        #expect(marks.map { $0.attributes["data-group"] } == ["A", "A", "B", "B", "C"])
        #expect(tree.title(of: marks[0]) == "A: x 18, y 0.1")
    }

    @Test("Groups get distinct colours and shapes and a legend entry each")
    func groups() throws {
        let tree = try SVGTree(ScatterPlot(title: "t", points: points, groupOrder: ["C"]).svg())
        let series = tree.elements(withClass: "dw-series")
        #expect(series.map { $0.attributes["data-series"] } == ["C", "A", "B"])
        let marks = tree.elements(withClass: "dw-point")
        let fills = Set(marks.compactMap { $0.attributes["fill"] })
        #expect(fills.count == 3)
        #expect(Set(marks.map(\.name)) == ["circle", "rect", "path"])
        #expect(tree.elements(withClass: "dw-legend-item").count == 3)
    }

    @Test("With a tight extent the extreme points sit on the plot's edges")
    func extremes() throws {
        let tree = try SVGTree(
            ScatterPlot(
                title: "t", points: points.map { ScatterPoint(x: $0.x, y: $0.y) }, options: ChartOptions(extent: .tight)
            ).svg())
        let plot = try #require(tree.plotArea)
        let marks = tree.elements(withClass: "dw-point")
        let highest = try #require(marks.first { $0.attributes["data-value"] == "0.9" })
        let lowest = try #require(marks.first { $0.attributes["data-value"] == "0.1" })
        #expect(abs((highest.number("cy") ?? 0) - plot.y) < 0.01)
        #expect(abs((highest.number("cx") ?? 0) - plot.maxX) < 0.01)
        #expect(abs((lowest.number("cy") ?? 0) - plot.maxY) < 0.01)
        #expect(abs((lowest.number("cx") ?? 0) - plot.x) < 0.01)
        #expect(tree.elements(withClass: "dw-legend-item").isEmpty)
    }

    @Test("Non-finite points are skipped; none finite shows the placeholder")
    func nonFinite() throws {
        let svg = ScatterPlot(
            title: "t",
            points: [ScatterPoint(x: .nan, y: 1), ScatterPoint(x: 1, y: .infinity), ScatterPoint(x: 2, y: 3)]
        ).svg()
        #expect(!containsNonFiniteText(svg))
        #expect(try SVGTree(svg).marks.count == 1)
        let empty = try SVGTree(ScatterPlot(title: "t", points: [ScatterPoint(x: .nan, y: .nan)]).svg())
        #expect(empty.allText.contains("No data in this window"))
    }
}
