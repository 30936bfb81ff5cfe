import DriftWatchCore
import Foundation

/// Replays a rule over stored history, so that a team sees when it would have fired and resolved
/// (and how high the value got) before it pages anyone.
///
/// ```swift
/// let report = Backtest.run(rule: candidate, history: lastMonth, from: start, to: end, step: .minutes(5))
/// for interval in report.intervals {
///     print(interval.labels, interval.firedAt, interval.resolvedAt ?? "still firing", interval.peakValue ?? .nan)
/// }
/// ```
///
/// The replay uses the live ``AlertEvaluator``, so `for`, `keep_firing_for` and stale series
/// behave exactly as they would have.
public enum Backtest {
    /// Evaluates `rule` at `from`, `from + step`, … up to `to` (inclusive) against the results
    /// available at each time.
    ///
    /// - Parameters:
    ///   - rule: The rule to try.
    ///   - history: Stored results, in any order. A result is available from its `windowEnd` on.
    ///   - from: The first evaluation time.
    ///   - to: The last evaluation time allowed.
    ///   - step: The time between evaluations (the scheduler's interval); must be positive.
    ///   - baselines: Reference baselines for adaptive and relative conditions.
    ///   - lookback: How long a result stays current when no newer one arrives; past that its
    ///     series counts as stale and resolves. Nil keeps the latest result current until
    ///     replaced.
    public static func run(
        rule: AlertRule, history: [MonitorResult], from: Date, to: Date, step: AlertDuration,
        baselines: ReferenceBaselines = .init(), lookback: AlertDuration? = nil
    ) -> BacktestReport {
        var report = BacktestReport(
            ruleID: rule.id, from: from, to: to, step: step, evaluations: 0, transitions: [], intervals: [],
            pendingWithoutFiring: 0)
        guard step.isPositive, from <= to else { return report }
        let sorted = history.sorted { $0.windowEnd < $1.windowEnd }
        var next = 0
        var latest: [SeriesKey: MonitorResult] = [:]
        var evaluator = AlertEvaluator()
        var open: [AlertKey: Tracker] = [:]
        var closed: [BacktestInterval] = []
        var index: Int64 = 0
        while true {
            let now = from.addingTimeInterval(Double(index) * step.seconds)
            guard now <= to else { break }
            index += 1
            while next < sorted.count, sorted[next].windowEnd <= now {
                latest[SeriesKey(sorted[next])] = sorted[next]
                next += 1
            }
            let current = latest.values.filter { result in
                lookback.map { now.timeIntervalSince(result.windowEnd) < $0.seconds } ?? true
            }
            let (transitions, matches) = evaluator.evaluate(
                [rule], snapshot: ResultSnapshot(Array(current)), baselines: baselines, at: now)
            report.evaluations += 1
            report.transitions += transitions
            for transition in transitions {
                let key = transition.key
                switch (transition.from, transition.to) {
                case (_, .pending):
                    open[key] = Tracker(activeAt: now)
                case (_, .firing):
                    open[key, default: Tracker(activeAt: now)].firedAt = now
                case (.pending, .inactive):
                    open[key] = nil
                    report.pendingWithoutFiring += 1
                case (.firing, .resolved):
                    if let tracker = open.removeValue(forKey: key), let firedAt = tracker.firedAt {
                        closed.append(
                            BacktestInterval(
                                labels: key.labels, activeAt: tracker.activeAt, firedAt: firedAt, resolvedAt: now,
                                peakValue: tracker.peak?.value))
                    }
                default:
                    break
                }
            }
            for (key, match) in matches where open[key] != nil {
                guard let value = match.value, let score = match.score else { continue }
                if let peak = open[key]?.peak, peak.score >= score { continue }
                open[key]?.peak = (value, score)
            }
        }
        for (key, tracker) in open {
            guard let firedAt = tracker.firedAt else { continue }
            closed.append(
                BacktestInterval(
                    labels: key.labels, activeAt: tracker.activeAt, firedAt: firedAt, resolvedAt: nil,
                    peakValue: tracker.peak?.value))
        }
        report.intervals = closed.sorted { ($0.firedAt, $0.labels.description) < ($1.firedAt, $1.labels.description) }
        return report
    }

    /// An alert being followed through the replay.
    private struct Tracker {
        var activeAt: Date
        var firedAt: Date?
        var peak: (value: Double, score: Double)?
    }
}
