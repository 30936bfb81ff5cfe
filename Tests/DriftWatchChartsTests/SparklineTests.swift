import DriftWatchCharts
import Testing

@Suite struct SparklineTests {
    @Test("A fixed-size line without axes; the last finite value is marked")
    func lastPointMarked() throws {
        let svg = Sparkline(label: "PSI of age", values: [0.02, 0.05, nil, 0.11, 0.24, nil]).svg()
        let tree = try SVGTree(svg)
        #expect(tree.root.attributes["width"] == "120" && tree.root.attributes["height"] == "28")
        #expect(tree.elements(withClass: "dw-axis").isEmpty)
        #expect(tree.elements.filter { $0.name == "text" }.isEmpty)
        let last = try #require(tree.marks.first)
        #expect(tree.marks.count == 1)
        #expect(last.number("data-value") == 0.24)
        // 0.24 is the maximum, so it sits at the top inset.
        #expect(last.number("cy") == 3)
        let path = try #require(tree.elements(withClass: "dw-line").first?.attributes["d"])
        #expect(path.filter { $0 == "M" }.count == 2)
        #expect(
            tree.elements.first { $0.name == "desc" }?.text.contains("4 values, min 0.02, max 0.24, last 0.24") == true)
    }

    @Test("Values span the width: first at the left inset, last at the right inset")
    func horizontalSpan() throws {
        let tree = try SVGTree(Sparkline(label: "s", values: [1, 3, 2]).svg())
        let path = try #require(tree.elements(withClass: "dw-line").first?.attributes["d"])
        #expect(path.hasPrefix("M3,"))
        #expect(tree.marks.first?.number("cx") == 117)
    }

    @Test("Non-finite values are gaps; nothing finite shows a small placeholder")
    func emptyAndNonFinite() throws {
        let svg = Sparkline(label: "s", values: [.nan, 2, .infinity]).svg()
        #expect(!containsNonFiniteText(svg))
        #expect(try SVGTree(svg).marks.first?.number("data-value") == 2)
        let empty = try SVGTree(Sparkline(label: "s", values: [nil, .nan]).svg())
        #expect(empty.allText.contains("No data in this window"))
        #expect(empty.marks.isEmpty)
    }
}
