import DriftWatchCharts
import Foundation
import Testing

/// Feature and segment names come from users' data and may contain markup characters.
@Suite struct EscapingTests {
    private let name = #"a<b & "c""#

    @Test("A hostile name is escaped in every chart and the document still parses")
    func hostileNames() throws {
        let dates = TestDates.minutes(3)
        let charts = [
            LineChart(
                title: name, series: [LineSeries(name: name, dates: dates, values: [1, 2, 3])],
                thresholds: [ThresholdLine(label: name, value: 2)], band: .constant(lower: 1, upper: 2, label: name),
                options: ChartOptions(xAxisLabel: name, yAxisLabel: name)
            ).svg(),
            BarChart(title: name, bars: [Bar(label: name, value: 1)]).svg(),
            ScatterPlot(title: name, points: [ScatterPoint(x: 1, y: 2, group: name)]).svg(),
            Sparkline(label: name, values: [1, 2]).svg(),
            Heatmap(title: name, columns: [HeatmapColumn(label: name)], rows: [HeatmapRow(label: name, values: [1])])
                .svg(),
            DistributionOverlay(
                title: name, binEdges: [0, 1], reference: [1], current: [1], referenceLabel: name, currentLabel: name
            ).svg(),
            CategoricalDistributionOverlay(
                title: name, categories: [CategoryShare(name: name, reference: 0.5, current: 0.5)]
            ).svg(),
            BarChart(title: name, bars: [], options: ChartOptions(emptyMessage: name)).svg(),
        ]
        for svg in charts {
            #expect(!svg.contains(name))
            #expect(svg.contains("a&lt;b &amp; &quot;c&quot;"))
            let tree = try SVGTree(svg)
            // The parser decodes the entities back to the original name.
            #expect(tree.elements.first { $0.name == "title" }?.text == name)
        }
    }

    @Test("Data attributes decode to the original text")
    func attributes() throws {
        let tree = try SVGTree(BarChart(title: "t", bars: [Bar(label: name, value: 1)]).svg())
        #expect(tree.marks.first?.attributes["data-category"] == name)
    }

    @Test("Control characters that XML forbids are dropped instead of breaking the document")
    func controlCharacters() throws {
        let tree = try SVGTree(BarChart(title: "bell\u{7}", bars: [Bar(label: "nul\u{0}", value: 1)]).svg())
        #expect(tree.marks.first?.attributes["data-category"] == "nul")
    }

    @Test("A custom id is reduced to characters valid in XML ids")
    func customID() throws {
        let tree = try SVGTree(
            BarChart(title: "t", bars: [Bar(label: "a", value: 1)], options: ChartOptions(id: #"9 "x"<y>"#)).svg())
        #expect(tree.root.attributes["aria-labelledby"] == "dw-9xy-title dw-9xy-desc")
    }
}
