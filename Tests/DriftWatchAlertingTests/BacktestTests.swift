import DriftWatchAlerting
import DriftWatchCore
import Foundation
import Testing

@Suite("Backtest")
struct BacktestTests {
    /// Hourly PSI of `amount`: quiet, a drift episode from hour 3 to hour 6 peaking at 0.45, a
    /// one-hour blip at hour 10, then quiet again.
    let history: [MonitorResult] = [0.05, 0.08, 0.1, 0.25, 0.45, 0.3, 0.22, 0.1, 0.05, 0.04, 0.35, 0.06, 0.05]
        .enumerated().map { hour, score in drift("amount", score, end: at(minutes: 60 * Double(hour))) }

    @Test("reports when a rule would have fired and resolved, with the peak value")
    func intervals() throws {
        let rule = thresholdRule(metric: "feature_drift_score", 0.2, method: "psi")
        let report = Backtest.run(rule: rule, history: history, from: epoch, to: at(minutes: 60 * 12), step: .hours(1))
        #expect(report.evaluations == 13)
        #expect(report.intervals.count == 2)
        let episode = report.intervals[0]
        #expect(episode.firedAt == at(minutes: 180))
        #expect(episode.resolvedAt == at(minutes: 420))
        #expect(episode.peakValue == 0.45)
        #expect(episode.labels["feature"] == "amount")
        let blip = report.intervals[1]
        #expect(blip.firedAt == at(minutes: 600))
        #expect(blip.resolvedAt == at(minutes: 660))
        #expect(blip.peakValue == 0.35)
        #expect(report.firingDuration == 5 * 3600)
    }

    @Test("`for` suppresses the short blip and delays the episode")
    func forDuration() throws {
        let rule = thresholdRule(metric: "feature_drift_score", 0.2, for: .minutes(90))
        let report = Backtest.run(
            rule: rule, history: history, from: epoch, to: at(minutes: 60 * 12), step: .minutes(30))
        let episode = try #require(report.intervals.first)
        #expect(report.intervals.count == 1)
        // Above 0.2 from hour 3; 90 minutes later is 4h30.
        #expect(episode.activeAt == at(minutes: 180))
        #expect(episode.firedAt == at(minutes: 270))
        #expect(episode.resolvedAt == at(minutes: 420))
        #expect(report.pendingWithoutFiring == 1)
    }

    @Test("an alert still firing at the end has no resolution; a lookback makes silence resolve")
    func openAndLookback() throws {
        let rule = thresholdRule(metric: "feature_drift_score", 0.2)
        let stopped = Array(history.prefix(5))
        let open = Backtest.run(rule: rule, history: stopped, from: epoch, to: at(minutes: 60 * 8), step: .hours(1))
        #expect(open.intervals.count == 1)
        #expect(open.intervals.first?.resolvedAt == nil)
        let stale = Backtest.run(
            rule: rule, history: stopped, from: epoch, to: at(minutes: 60 * 8), step: .hours(1), lookback: .minutes(90))
        // The last result (hour 4) is current until 5h30; the evaluation at hour 6 finds no data.
        #expect(stale.intervals.first?.resolvedAt == at(minutes: 360))
    }

    @Test("a drop rule's peak is its lowest value")
    func lowPeak() throws {
        var baselines = ReferenceBaselines()
        baselines[SeriesKey(modelID: "fraud", metric: "accuracy")] = ReferenceBaseline(mean: 0.9)
        let accuracy = [0.91, 0.8, 0.7, 0.78, 0.9].enumerated().map { hour, value in
            result("accuracy", value, end: at(minutes: 60 * Double(hour)))
        }
        let rule = try #require(AlertRule.defaults.first { $0.id == "accuracy-drop" })
        let report = Backtest.run(
            rule: rule, history: accuracy, from: epoch, to: at(minutes: 240), step: .hours(1), baselines: baselines)
        let interval = try #require(report.intervals.first)
        #expect(interval.firedAt == at(minutes: 60))
        #expect(interval.resolvedAt == at(minutes: 240))
        #expect(interval.peakValue == 0.7)
    }
}
