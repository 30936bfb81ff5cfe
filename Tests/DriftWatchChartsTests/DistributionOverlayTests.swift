import DriftWatchCharts
import Testing

@Suite struct DistributionOverlayTests {
    private let edges: [Double] = [0, 1, 2, 3, 4]
    private let reference: [Double] = [10, 20, 30, 40]
    private let current: [Double] = [40, 30, 20, 10]

    @Test("Bars: one mark per bin and side, proportions of each side's total")
    func proportions() throws {
        let tree = try SVGTree(
            DistributionOverlay(title: "age", binEdges: edges, reference: reference, current: current).svg())
        let referenceBars = tree.elements(withClass: "dw-reference").filter { $0.classes.contains("dw-bar") }
        let currentBars =
            tree.elements(withClass: "dw-series").last.map { group in
                group.children.map { tree.elements[$0] }.filter { $0.classes.contains("dw-bar") }
            } ?? []
        #expect(referenceBars.isEmpty)  // the side class sits on the group, not the bars
        #expect(tree.marks.count == 8)
        #expect(tree.marks.prefix(4).compactMap { $0.number("data-value") } == [0.1, 0.2, 0.3, 0.4])
        #expect(currentBars.compactMap { $0.number("data-value") } == [0.4, 0.3, 0.2, 0.1])
        #expect(tree.title(of: tree.marks[0]) == "reference, 0 to 1: 10%")
        let legend = tree.elements(withClass: "dw-legend-item")
        #expect(legend.map { $0.classes.contains("dw-reference") } == [true, false])
        let desc = tree.elements.first { $0.name == "desc" }?.text ?? ""
        #expect(desc.contains("Largest difference in 0 to 1: reference 10%, current 40%"))
    }

    @Test("As given, data values equal the inputs and bars share the bin's x range")
    func asGiven() throws {
        let tree = try SVGTree(
            DistributionOverlay(
                title: "age", binEdges: edges, reference: reference, current: current, normalization: .asGiven
            ).svg())
        #expect(tree.marks.compactMap { $0.number("data-value") } == reference + current)
        let plot = try #require(tree.plotArea)
        // Bin 0 of both sides starts at the plot's left edge: shared edges, overlaid bars.
        #expect(abs((tree.marks[0].number("x") ?? 0) - plot.x) < 0.01)
        #expect(tree.marks[0].number("x") == tree.marks[4].number("x"))
        // 40 is the largest weight and the nice axis 0…40 ends there.
        let tallest = try #require(tree.marks.first { $0.attributes["data-value"] == "40" })
        #expect(abs((tallest.number("y") ?? 0) - plot.y) < 0.01)
    }

    @Test("Steps: an outline per side, solid and dashed, with invisible bars as hover targets")
    func steps() throws {
        let tree = try SVGTree(
            DistributionOverlay(title: "age", binEdges: edges, reference: reference, current: current, style: .steps)
                .svg())
        let outlines = tree.elements(withClass: "dw-step")
        #expect(outlines.count == 2)
        #expect(outlines[0].attributes["stroke-dasharray"] == nil)
        #expect(outlines[1].attributes["stroke-dasharray"] != nil)
        #expect(outlines[0].attributes["d"]?.filter { $0 == "H" }.count == 4)
        #expect(tree.marks.count == 8)
        #expect(tree.marks.allSatisfy { $0.attributes["fill-opacity"] == "0" })
    }

    @Test("Open outer bins are drawn one typical width wide and named in words")
    func openBins() throws {
        let svg = DistributionOverlay(
            title: "score", binEdges: [-.infinity, 0, 1, 2, .infinity], reference: [1, 2, 3, 4], current: [4, 3, 2, 1]
        ).svg()
        #expect(!containsNonFiniteText(svg))
        let tree = try SVGTree(svg)
        #expect(tree.marks.count == 8)
        #expect(tree.title(of: tree.marks[0]) == "reference, below 0: 10%")
        #expect(tree.title(of: tree.marks[3]) == "reference, 2 and above: 40%")
        let desc = tree.elements.first { $0.name == "desc" }?.text ?? ""
        #expect(desc.hasPrefix("Histogram of reference against current from below 0 to 2 and above in 4 bins."))
        let widths = tree.marks.prefix(4).compactMap { $0.number("width") }
        #expect(widths.allSatisfy { abs($0 - widths[0]) < 0.02 })
    }

    @Test("Non-finite weights are skipped; unusable edges or no weights show the placeholder")
    func degenerateInput() throws {
        let svg = DistributionOverlay(
            title: "t", binEdges: edges, reference: [1, .nan, 1, 1], current: [1, 1, .infinity, 1]
        ).svg()
        #expect(!containsNonFiniteText(svg))
        #expect(try SVGTree(svg).marks.count == 6)
        for overlay in [
            DistributionOverlay(title: "t", binEdges: [1], reference: [1], current: [1]),
            DistributionOverlay(title: "t", binEdges: edges, reference: [], current: []),
            DistributionOverlay(title: "t", binEdges: edges, reference: [0, 0, 0, 0], current: [.nan]),
        ] {
            let tree = try SVGTree(overlay.svg())
            #expect(tree.allText.contains("No data in this window"))
            #expect(tree.marks.isEmpty)
        }
    }

    @Test("Categorical: a pair of bars per category with the input proportions")
    func categorical() throws {
        let shares = [
            CategoryShare(name: "mobile", reference: 0.42, current: 0.61),
            CategoryShare(name: "desktop", reference: 0.58, current: 0.34),
            CategoryShare(name: "new-app", reference: nil, current: 0.05),
        ]
        let tree = try SVGTree(CategoricalDistributionOverlay(title: "device", categories: shares).svg())
        #expect(tree.marks.compactMap { $0.number("data-value") } == [0.42, 0.58, 0.61, 0.34, 0.05])
        #expect(
            tree.marks.map { $0.attributes["data-category"] } == ["mobile", "desktop", "mobile", "desktop", "new-app"])
        #expect(tree.title(of: tree.marks[0]) == "mobile, reference: 42%")
        #expect(tree.elements(withClass: "dw-legend-item").count == 2)
        let desc = tree.elements.first { $0.name == "desc" }?.text ?? ""
        #expect(desc.contains("new-app: reference none, current 5%"))
        // Within a category the reference bar comes first, the current one right after it.
        let mobile = tree.marks.filter { $0.attributes["data-category"] == "mobile" }.compactMap { $0.number("y") }
        #expect(mobile.count == 2 && mobile[0] < mobile[1])
    }

    @Test("Categorical counts normalize per side; all missing shows the placeholder")
    func categoricalCounts() throws {
        let tree = try SVGTree(
            CategoricalDistributionOverlay(
                title: "plan",
                categories: [
                    CategoryShare(name: "free", reference: 30, current: 5),
                    CategoryShare(name: "pro", reference: 70, current: 15),
                ], normalization: .proportions
            ).svg())
        #expect(tree.marks.compactMap { $0.number("data-value") } == [0.3, 0.7, 0.25, 0.75])
        let empty = try SVGTree(
            CategoricalDistributionOverlay(
                title: "plan", categories: [CategoryShare(name: "x", reference: nil, current: .nan)]
            )
            .svg())
        #expect(empty.allText.contains("No data in this window"))
    }
}
