import DriftWatchCharts
import Testing

@Suite struct BarChartTests {
    private let bars = [
        Bar(label: "DE", value: 100), Bar(label: "FR", value: 50), Bar(label: "US", value: 25),
        Bar(label: "IT", value: 0),
    ]

    @Test("Horizontal bars: one mark per bar in input order, lengths proportional to values")
    func horizontal() throws {
        let tree = try SVGTree(BarChart(title: "Top segments", bars: bars).svg())
        let marks = tree.elements(withClass: "dw-bar")
        #expect(marks.compactMap { $0.number("data-value") } == [100, 50, 25, 0])
        #expect(marks.map { $0.attributes["data-category"] } == ["DE", "FR", "US", "IT"])
        let plot = try #require(tree.plotArea)
        let widths = marks.compactMap { $0.number("width") }
        // 0…100 is already nice, so the longest bar spans the plot and the others scale with it.
        #expect(abs(widths[0] - (plot.maxX - plot.x)) < 0.01)
        #expect(abs(widths[1] - widths[0] / 2) < 0.02)
        #expect(abs(widths[2] - widths[0] / 4) < 0.02)
        #expect(widths[3] == 0)
        let ys = marks.compactMap { $0.number("y") }
        #expect(ys == ys.sorted())
        #expect(marks.map { tree.title(of: $0) } == ["DE: 100", "FR: 50", "US: 25", "IT: 0"])
        #expect(tree.elements(withClass: "dw-value-label").map(\.text) == ["100", "50", "25", "0"])
    }

    @Test("Vertical bars: the largest reaches the top of the plot, all start at the bottom")
    func vertical() throws {
        let tree = try SVGTree(BarChart(title: "Top segments", bars: bars, orientation: .vertical).svg())
        let plot = try #require(tree.plotArea)
        let marks = tree.elements(withClass: "dw-bar")
        #expect(marks.count == 4)
        #expect(abs((marks[0].number("y") ?? 0) - plot.y) < 0.01)
        for mark in marks {
            #expect(abs((mark.number("y") ?? 0) + (mark.number("height") ?? 0) - plot.maxY) < 0.02)
        }
        let xs = marks.compactMap { $0.number("x") }
        #expect(xs == xs.sorted())
    }

    @Test("Negative values grow the other way from the zero baseline")
    func negativeValues() throws {
        let tree = try SVGTree(
            BarChart(title: "Change", bars: [Bar(label: "a", value: -40), Bar(label: "b", value: 80)]).svg())
        let baseline = try #require(tree.elements(withClass: "dw-baseline").first?.number("x1"))
        let marks = tree.elements(withClass: "dw-bar")
        let negative = try #require(marks.first { $0.attributes["data-value"] == "-40" })
        let positive = try #require(marks.first { $0.attributes["data-value"] == "80" })
        #expect(abs((negative.number("x") ?? 0) + (negative.number("width") ?? 0) - baseline) < 0.02)
        #expect(abs((positive.number("x") ?? 0) - baseline) < 0.02)
    }

    @Test("Non-finite values keep their category without a bar; none finite shows the placeholder")
    func nonFinite() throws {
        let svg = BarChart(title: "t", bars: [Bar(label: "a", value: .nan), Bar(label: "b", value: 3)]).svg()
        #expect(!containsNonFiniteText(svg))
        let tree = try SVGTree(svg)
        #expect(tree.marks.count == 1)
        #expect(tree.elements(withClass: "dw-axis-y").first.map { $0.children.count } == 1 + 2 * 2)
        let empty = try SVGTree(BarChart(title: "t", bars: [Bar(label: "a", value: .infinity)]).svg())
        #expect(empty.allText.contains("No data in this window"))
        #expect(try SVGTree(BarChart(title: "t", bars: []).svg()).marks.isEmpty)
    }

    @Test("Long category names are shortened on the axis and kept whole in a tooltip")
    func longLabels() throws {
        let name = "a-very-long-segment-name-that-would-push-the-plot-away"
        let tree = try SVGTree(BarChart(title: "t", bars: [Bar(label: name, value: 3)]).svg())
        let label = try #require(tree.elements.first { $0.name == "text" && $0.text.hasSuffix("…") })
        #expect(label.text.count == 24)
        #expect(tree.title(of: label) == name)
        #expect(tree.marks.first?.attributes["data-category"] == name)
    }

    @Test("Many vertical categories slant their labels")
    func rotatedLabels() throws {
        let many = (0..<30).map { Bar(label: "segment-\($0)", value: Double($0)) }
        let tree = try SVGTree(BarChart(title: "t", bars: many, orientation: .vertical).svg())
        let labels =
            tree.elements(withClass: "dw-axis-x").first.map { axis in
                axis.children.map { tree.elements[$0] }.filter { $0.name == "text" }
            } ?? []
        #expect(labels.count == 30)
        #expect(labels.allSatisfy { $0.attributes["transform"]?.hasPrefix("rotate(-40") == true })
    }
}
