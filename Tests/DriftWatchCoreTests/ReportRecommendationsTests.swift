import DriftWatchCore
import Foundation
import Testing

/// Each recommendation rule on plain findings, and the healthy case.
@Suite struct ReportRecommendationsTests {
    let end = Date(timeIntervalSince1970: 1_790_000_000)

    /// Accuracy at `values` on the days before `end`, with its forecast against `threshold`.
    private func performance(_ values: [Double], threshold: Double = 0.81, gap: Double? = nil)
        -> ReportSignals.Performance
    {
        let points = values.enumerated().map { index, value in
            (date: end.addingTimeInterval(Double(index - values.count + 1) * 86_400), value: value)
        }
        let forecast = TrendForecast(
            series: points, threshold: threshold, direction: .higherIsBetter, end: end, horizon: 30 * 86_400)
        return ReportSignals.Performance(
            metric: "accuracy", current: values.last, threshold: threshold, forecast: forecast, estimatedGap: gap)
    }

    @Test func healthyFindingsNeedNoAction() throws {
        let signals = ReportSignals(
            quality: [.init(name: "age", missingRate: 0.01, baselineMissingRate: 0.01)],
            performance: performance([0.90, 0.91, 0.90, 0.91]), latencyP99: 80, errorRate: 0.001)
        let advice = Recommendations.make(signals)
        #expect(advice.count == 1)
        let only = try #require(advice.first)
        #expect(only.kind == .noAction)
        #expect(only.title == "No action needed")
        #expect(only.reason.contains("No feature drifted"))
        #expect(only.reason.contains("accuracy (0.91) is on the good side of its threshold 0.81"))
    }

    @Test func driftedFeaturesAreInvestigatedLargestScoreFirst() {
        let signals = ReportSignals(drifted: [
            .init(name: "age", method: "ks", score: 0.12, pValue: 0.001),
            .init(name: "amount", method: "psi", score: 0.42, pValue: nil),
            .init(name: "country", method: "chi_square", score: 31.5, pValue: 1e-6),
        ])
        let advice = Recommendations.make(signals)
        #expect(advice.map(\.kind) == [.investigateFeature, .investigateFeature, .investigateFeature])
        #expect(advice.map(\.feature) == ["country", "amount", "age"])
        #expect(advice[0].title == "Investigate country")
        #expect(advice[0].reason.contains("chi_square score 31.5, p-value 1e-06 (the largest drift score)"))
        #expect(advice[1].reason.contains("psi score 0.42 (drift rank 2 of 3)"))
    }

    @Test func aSuddenRiseInMissingValuesPointsUpstream() throws {
        let signals = ReportSignals(quality: [
            .init(name: "income", missingRate: 0.30, baselineMissingRate: 0.02),
            // Always this high: not a sudden rise, so not flagged.
            .init(name: "referrer", missingRate: 0.40, baselineMissingRate: 0.40),
        ])
        let advice = Recommendations.make(signals)
        #expect(advice.count == 1)
        let item = try #require(advice.first)
        #expect(item.kind == .checkUpstream)
        #expect(item.feature == "income")
        #expect(item.title == "Check the upstream producer of income")
        #expect(item.reason.contains("Missing values rose from 2.0 % to 30.0 % (limit 5.0 %)"))
    }

    @Test func valuesOutOfRangeAndUnseenCategoriesPointUpstream() {
        let signals = ReportSignals(quality: [
            .init(name: "price", missingRate: 0, outOfRangeRate: 0.35),
            .init(name: "country", missingRate: 0, unseenRate: 0.08),
            .init(name: "age", missingRate: 0, outOfRangeRate: 0.005, unseenRate: 0),
        ])
        let advice = Recommendations.make(signals)
        #expect(advice.map(\.kind) == [.checkUpstream, .checkUpstream])
        #expect(advice.map(\.feature) == ["country", "price"])
        #expect(advice[0].reason.contains("8.0 % of its values are categories the reference never had"))
        #expect(advice[1].reason.contains("35.0 % of its values are outside the reference's range"))
    }

    @Test func performancePastTheThresholdCallsForARetrain() throws {
        let advice = Recommendations.make(ReportSignals(performance: performance([0.85, 0.80, 0.76])))
        let item = try #require(advice.first)
        #expect(advice.count == 1)
        #expect(item.kind == .retrain)
        #expect(item.title == "Retrain the model")
        #expect(item.reason.contains("Accuracy is 0.76, past the acceptance threshold 0.81"))
    }

    @Test func aForecastCrossingSoonPlansARetrain() throws {
        // 0.90 falling 0.01 a day: 0.81 in 9 days, within the 14 days that call for a retrain.
        let advice = Recommendations.make(ReportSignals(performance: performance([0.93, 0.92, 0.91, 0.90])))
        let item = try #require(advice.first)
        #expect(item.kind == .retrain)
        #expect(item.title == "Plan a retrain")
        #expect(item.reason.contains("crosses the acceptance threshold 0.81 in 9.0 days"))
        // 0.001 a day: 90 days away, beyond the horizon: healthy.
        let slow = Recommendations.make(ReportSignals(performance: performance([0.903, 0.902, 0.901, 0.900])))
        #expect(slow.map(\.kind) == [.noAction])
    }

    @Test func aGapBetweenEstimatedAndRealizedAccuracyIsConceptDrift() throws {
        let advice = Recommendations.make(
            ReportSignals(performance: performance([0.90, 0.91, 0.90, 0.91], gap: 0.12)))
        let item = try #require(advice.first)
        #expect(item.kind == .retrain)
        #expect(item.title == "Retrain the model")
        #expect(item.reason.contains("Estimated and realized accuracy differ by 0.12 (limit 0.05)"))
        #expect(item.reason.contains("concept drift"))
    }

    @Test func slowOrFailingServingIsFlagged() throws {
        let advice = Recommendations.make(ReportSignals(latencyP99: 450, errorRate: 0.08))
        let item = try #require(advice.first)
        #expect(item.kind == .checkService)
        #expect(item.reason.contains("P99 latency is 450 ms (limit 200 ms)"))
        #expect(item.reason.contains("8.0 % of predictions failed (limit 5.0 %)"))
    }

    @Test func firingAlertsThatNoRuleExplainsAreReviewedInsteadOfNoAction() throws {
        let advice = Recommendations.make(ReportSignals(firingAlerts: ["Outliers (amount)", "Outliers (age)"]))
        let item = try #require(advice.first)
        #expect(advice.count == 1)
        #expect(item.kind == .reviewAlerts)
        #expect(item.reason.hasPrefix("2 alerts are firing: Outliers (amount), Outliers (age)."))
        // A finding that explains the alerts makes the review redundant.
        let explained = Recommendations.make(
            ReportSignals(latencyP99: 400, firingAlerts: ["HighLatencyP99"]))
        #expect(explained.map(\.kind) == [.checkService])
    }

    @Test func causesComeBeforeTheRetrain() {
        let signals = ReportSignals(
            drifted: [.init(name: "amount", method: "psi", score: 0.5, pValue: nil)],
            quality: [.init(name: "income", missingRate: 0.2, baselineMissingRate: 0)],
            performance: performance([0.8, 0.75, 0.7]), latencyP99: 300)
        let advice = Recommendations.make(signals)
        #expect(advice.map(\.kind) == [.investigateFeature, .checkUpstream, .retrain, .checkService])
        #expect(advice.first?.feature == "amount")
    }
}
