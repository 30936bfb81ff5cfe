import DriftWatchCharts
import Foundation
import Testing

/// Charts render whatever the monitoring data holds: extremes, non-finite values, odd sizes.
@Suite struct RobustnessTests {
    /// A fixed linear congruential generator, so a failure reproduces.
    private struct Values {
        private var state: UInt64
        private static let pool: [Double?] = [
            0, -0.0, 1, -1, 0.5, 1e-300, -1e-300, .leastNonzeroMagnitude, 1e300, -1e300, .greatestFiniteMagnitude,
            -.greatestFiniteMagnitude, .nan, .infinity, -.infinity, nil, 42, 1e15, 1e-7,
        ]

        init(seed: UInt64) { state = seed }

        mutating func next() -> Double? {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let index = Int((state >> 33) % UInt64(Self.pool.count + 4))
            // A quarter of the draws are ordinary values between the extremes.
            return index < Self.pool.count ? Self.pool[index] : Double(state >> 40) / 1_000
        }

        mutating func finiteOrZero() -> Double { next() ?? 0 }
    }

    private func check(_ svg: String) throws {
        #expect(!containsNonFiniteText(svg), "\(svg.prefix(500))")
        _ = try SVGTree(svg)
    }

    @Test("Random extreme and non-finite inputs always give well-formed SVG without NaN or inf")
    func extremes() throws {
        var values = Values(seed: 7)
        let dates = TestDates.minutes(12)
        for _ in 0..<60 {
            let series = (0..<2).map { index in
                LineSeries(name: "s\(index)", dates: dates, values: dates.map { _ in values.next() })
            }
            try check(
                LineChart(
                    title: "t", series: series, thresholds: [ThresholdLine(label: "x", value: values.finiteOrZero())],
                    band: .constant(lower: values.finiteOrZero(), upper: values.finiteOrZero())
                ).svg())
            try check(
                BarChart(title: "t", bars: (0..<4).map { Bar(label: "b\($0)", value: values.finiteOrZero()) }).svg())
            try check(
                ScatterPlot(
                    title: "t",
                    points: (0..<6).map { _ in ScatterPoint(x: values.finiteOrZero(), y: values.finiteOrZero()) }
                ).svg())
            try check(Sparkline(label: "s", values: (0..<8).map { _ in values.next() }).svg())
            try check(
                Heatmap(
                    title: "t", columns: ["a", "b", "c"].map { HeatmapColumn(label: $0) },
                    rows: [HeatmapRow(label: "r", values: (0..<3).map { _ in values.next() })],
                    scheme: .diverging(center: 0)
                ).svg())
            try check(
                DistributionOverlay(
                    title: "t", binEdges: [-.infinity, 0, 1, values.finiteOrZero(), .infinity],
                    reference: (0..<4).map { _ in values.finiteOrZero() },
                    current: (0..<4).map { _ in values.finiteOrZero() }
                ).svg())
        }
    }

    @Test("Absurd sizes and dates are clamped or skipped")
    func absurdOptions() throws {
        let options = ChartOptions(width: .nan, height: -5)
        let svg = LineChart(
            title: "t",
            series: [
                LineSeries(
                    name: "s",
                    points: [
                        TimePoint(date: Date(timeIntervalSince1970: .nan), value: 1),
                        TimePoint(date: Date(timeIntervalSince1970: 1e300), value: 2),
                        TimePoint(date: TestDates.midnight, value: 3),
                    ])
            ], options: options
        ).svg()
        try check(svg)
        let tree = try SVGTree(svg)
        #expect(tree.root.attributes["viewBox"] == "0 0 640 20")
        #expect(tree.marks.compactMap { $0.number("data-value") } == [3])
    }

    @Test("Values spanning thirty thousand years still get year ticks")
    func hugeTimeSpan() throws {
        let dates = [Date(timeIntervalSince1970: -9e11), Date(timeIntervalSince1970: 9e11)]
        let svg = LineChart(title: "t", series: [LineSeries(name: "s", dates: dates, values: [1, 2])]).svg()
        try check(svg)
        let labels = try SVGTree(svg).elements(withClass: "dw-axis-x").first?.children.count ?? 0
        #expect(labels > 1)
    }

    @Test("Every chart renders the same string twice")
    func determinism() {
        let dates = TestDates.minutes(5)
        let renders: [() -> String] = [
            { LineChart(title: "t", series: [LineSeries(name: "s", dates: dates, values: [1, 2, nil, 4, 5])]).svg() },
            { BarChart(title: "t", bars: [Bar(label: "a", value: 1), Bar(label: "b", value: 2)]).svg() },
            {
                ScatterPlot(title: "t", points: [ScatterPoint(x: 1, y: 2, group: "g"), ScatterPoint(x: 2, y: 1)]).svg()
            },
            { Sparkline(label: "s", values: [1, 3, 2]).svg() },
            { Heatmap(title: "t", timeBuckets: dates, rows: [HeatmapRow(label: "r", values: [1, nil, 3])]).svg() },
            { DistributionOverlay(title: "t", binEdges: [0, 1, 2], reference: [1, 2], current: [2, 1]).svg() },
            {
                CategoricalDistributionOverlay(
                    title: "t", categories: [CategoryShare(name: "a", reference: 0.4, current: 0.6)]
                ).svg()
            },
        ]
        for render in renders {
            let first = render()
            #expect(!first.isEmpty)
            #expect(first == render())
        }
    }
}
