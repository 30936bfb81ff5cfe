import DriftStats
import DriftWatchCore
import Foundation
import Testing

@testable import DriftWatchServer

/// The dashboard's pieces that decide what a page says: health, bins, links, queries.
@Suite struct DashboardPartsTests {
    @Test func healthFollowsItsRules() {
        #expect(
            ModelHealth.judge(driftShare: 0.2, errorRate: 0.01, qualityScore: 0.95, criticalAlerts: []).level == .ok)
        #expect(
            ModelHealth.judge(driftShare: 0.5, errorRate: 0.01, qualityScore: 0.95, criticalAlerts: nil).level
                == .warning)
        #expect(
            ModelHealth.judge(driftShare: nil, errorRate: 0.051, qualityScore: nil, criticalAlerts: nil).level
                == .warning)
        #expect(
            ModelHealth.judge(driftShare: nil, errorRate: 0.05, qualityScore: nil, criticalAlerts: nil).level == .ok)
        #expect(
            ModelHealth.judge(driftShare: nil, errorRate: nil, qualityScore: 0.89, criticalAlerts: nil).level
                == .warning)
        let critical = ModelHealth.judge(driftShare: 0.6, errorRate: nil, qualityScore: nil, criticalAlerts: ["Drift"])
        #expect(critical.level == .critical)
        #expect(critical.reasons == ["Critical alerts firing: Drift", "Drift share 60 % (≥ 50 %)"])
        #expect(
            ModelHealth.judge(driftShare: nil, errorRate: nil, qualityScore: nil, criticalAlerts: []).label == "no data"
        )
    }

    @Test func numericBinsSplitTheReferenceRangeAndOpenBinsHoldTheRest() throws {
        let reference = (0..<100).map(Double.init)
        var sketch = KLLSketch()
        sketch.add(contentsOf: [-5, 10, 10, 50, 99, 150, 200, 300])
        let bins = try #require(DriftDistributions.NumericBins(reference: reference, current: sketch))
        #expect(bins.edges.count == DriftDistributions.bins + 3, "20 bins and two open ones")
        #expect(bins.edges.first == -.infinity && bins.edges.last == .infinity)
        #expect(abs(bins.reference.reduce(0, +) - 1) < 1e-12)
        #expect(bins.reference.first == 0 && bins.reference.last == 0)
        let current = try #require(bins.current)
        #expect(abs(current.reduce(0, +) - 1) < 1e-12)
        #expect(current.first == 1.0 / 8, "-5 is below the reference")
        #expect(current.last == 3.0 / 8, "150, 200 and 300 are above it")
        #expect(bins.reference[1] == 5.0 / 100, "0…4.95 holds 0, 1, 2, 3, 4")
    }

    @Test func binsWithoutCurrentValuesOrOfAConstantReference() throws {
        let constant = try #require(DriftDistributions.NumericBins(reference: [3, 3, 3], current: nil))
        #expect(constant.edges.first == 2.5 && constant.edges.last == 3.5)
        #expect(constant.current == nil)
        #expect(abs(constant.reference.reduce(0, +) - 1) < 1e-12)
        #expect(DriftDistributions.NumericBins(reference: [], current: nil) == nil)
    }

    @Test func linksEncodeEverythingButUnreservedCharacters() {
        #expect(DashboardLinks.encode(#"a b/<&">é"#) == "a%20b%2F%3C%26%22%3E%C3%A9")
        #expect(
            DashboardLinks.model("m 1", .drift, [("window", "6h"), ("segment", "region:eu")])
                == "/models/m%201/drift?window=6h&segment=region%3Aeu")
        #expect(DashboardLinks.model("m", .overview) == "/models/m")
    }

    @Test func queriesAreReadAsFormsEncodeThem() {
        let values = DashboardRequest.formValues("feature=a+b%2Bc&window=6h&window=1h&empty=&=x")
        #expect(values == ["feature": "a b+c", "window": "6h", "empty": ""])
    }

    @Test func formatsReadTheSameOnEveryServer() {
        #expect(DashboardFormat.count(1_234_567) == "1,234,567")
        #expect(DashboardFormat.percent(0.0423) == "4.2 %")
        #expect(DashboardFormat.milliseconds(12.34) == "12.3 ms")
        #expect(DashboardFormat.number(0.000012) == "1.2e-05")
        #expect(DashboardFormat.number(nil) == "—")
        #expect(DashboardFormat.duration(125) == "2 min 5 s")
        #expect(DashboardFormat.time(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00:00 UTC")
    }
}
