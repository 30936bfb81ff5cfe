import DriftWatchCharts
import Foundation
import Testing

@Suite struct HeatmapTests {
    private let hours = (0..<4).map { TestDates.midnight.addingTimeInterval(Double($0) * 3_600) }
    private let rows = [
        HeatmapRow(label: "age", values: [0.01, 0.02, nil, 0.5]),
        HeatmapRow(label: "income", values: [0.2, .nan, 0.3]),
    ]

    @Test("Every cell is drawn; cells with values carry them, the others are empty")
    func cells() throws {
        let tree = try SVGTree(Heatmap(title: "PSI by hour", timeBuckets: hours, rows: rows).svg())
        let cells = tree.elements(withClass: "dw-cell")
        #expect(cells.count == 8)
        #expect(tree.marks.compactMap { $0.number("data-value") } == [0.01, 0.02, 0.5, 0.2, 0.3])
        let empty = tree.elements(withClass: "dw-cell-empty")
        #expect(empty.count == 3)
        #expect(empty.allSatisfy { $0.attributes["data-value"] == nil && $0.attributes["fill"] == "#ffffff" })
        #expect(tree.title(of: empty[0]) == "age, 2025-03-05 02:00 UTC: no data")
        #expect(tree.title(of: cells[0]) == "age, 2025-03-05 00:00 UTC: 0.01")
    }

    @Test("Rows go top to bottom and columns left to right across the plot")
    func layout() throws {
        let tree = try SVGTree(Heatmap(title: "t", timeBuckets: hours, rows: rows).svg())
        let plot = try #require(tree.plotArea)
        let cells = tree.elements(withClass: "dw-cell")
        let firstRow = cells.prefix(4).compactMap { $0.number("x") }
        #expect(firstRow == firstRow.sorted())
        #expect(abs(firstRow[0] - plot.x - 0.5) < 0.01)
        #expect((cells[4].number("y") ?? 0) > (cells[0].number("y") ?? 0))
        let labels = tree.elements(withClass: "dw-axis-x").first.map { axis in
            axis.children.map { tree.elements[$0].text }
        }
        #expect(labels?.first == "Mar 5 00:00")
    }

    @Test("With a fixed domain the ends get the ends of viridis")
    func sequentialColours() throws {
        let tree = try SVGTree(
            Heatmap(
                title: "t", columns: [HeatmapColumn(label: "a"), HeatmapColumn(label: "b")],
                rows: [HeatmapRow(label: "r", values: [0, 1])], domain: 0...1
            ).svg())
        #expect(tree.marks.map { $0.attributes["fill"] } == ["#440154", "#fde725"])
        #expect(tree.elements(withClass: "dw-color-key").count == 1)
    }

    @Test("A diverging scale is symmetric around its centre: the centre is neutral")
    func divergingColours() throws {
        let tree = try SVGTree(
            Heatmap(
                title: "t", columns: ["a", "b", "c"].map { HeatmapColumn(label: $0) },
                rows: [HeatmapRow(label: "r", values: [-1, 0, 3])], scheme: .diverging(center: 0)
            ).svg())
        let fills = tree.marks.map { $0.attributes["fill"] }
        #expect(fills[1] == "#f7f7f7")
        // The domain is −3…3, so −1 is a light blue, not the darkest.
        #expect(fills[0] != "#053061")
        #expect(fills[2] == "#67001f")
    }

    @Test("No finite value, no rows or no columns show the placeholder")
    func empty() throws {
        let cases = [
            Heatmap(title: "t", timeBuckets: hours, rows: [HeatmapRow(label: "r", values: [nil, .nan])]),
            Heatmap(title: "t", timeBuckets: hours, rows: []),
            Heatmap(title: "t", columns: [], rows: rows),
        ]
        for heatmap in cases {
            let tree = try SVGTree(heatmap.svg())
            #expect(tree.allText.contains("No data in this window"))
            #expect(tree.elements(withClass: "dw-cell").isEmpty)
        }
    }

    @Test("Time bucket columns are labelled at the granularity of their spacing")
    func timeBucketLabels() {
        #expect(HeatmapColumn.timeBuckets(hours).map(\.label) == ["Mar 5 00:00", "01:00", "02:00", "03:00"])
        let days = (0..<3).map { TestDates.midnight.addingTimeInterval(Double($0) * 86_400) }
        #expect(HeatmapColumn.timeBuckets(days).map(\.label) == ["Mar 5", "Mar 6", "Mar 7"])
        #expect(HeatmapColumn.timeBuckets(days).map(\.name)[0] == "2025-03-05 00:00 UTC")
    }
}
