import Foundation

/// When a rule would have fired over a stretch of history: the result of ``Backtest/run(rule:history:from:to:step:baselines:lookback:)``.
public struct BacktestReport: Sendable, Hashable, Codable {
    /// The rule replayed.
    public var ruleID: String
    /// The first evaluation time.
    public var from: Date
    /// The last evaluation time allowed.
    public var to: Date
    /// The time between evaluations.
    public var step: AlertDuration
    /// How many evaluations ran.
    public var evaluations: Int
    /// Every state change, in time order: what the history table would have recorded.
    public var transitions: [AlertTransition]
    /// The firing periods, in order of firing.
    public var intervals: [BacktestInterval]
    /// How many times an alert went pending and recovered before `for` passed: the pages `for`
    /// saved.
    public var pendingWithoutFiring: Int

    /// The total time spent firing, counting still-open intervals up to `to`.
    public var firingDuration: TimeInterval {
        intervals.reduce(0) { $0 + ($1.resolvedAt ?? to).timeIntervalSince($1.firedAt) }
    }

    private enum CodingKeys: String, CodingKey {
        case ruleID = "rule_id"
        case from, to, step, evaluations, transitions, intervals
        case pendingWithoutFiring = "pending_without_firing"
    }
}

/// One period during which an alert would have fired.
public struct BacktestInterval: Sendable, Hashable, Codable {
    /// The alert's labels.
    public var labels: AlertLabels
    /// When its condition started to hold (the start of pending).
    public var activeAt: Date
    /// When it would have fired.
    public var firedAt: Date
    /// When it would have resolved; nil when still firing at the end of the backtest.
    public var resolvedAt: Date?
    /// The most extreme value seen from `activeAt` until resolution (the highest for `>` and
    /// rises, the lowest for `<` and drops, the farthest from the mean for adaptive bands).
    public var peakValue: Double?

    private enum CodingKeys: String, CodingKey {
        case labels
        case activeAt = "active_at"
        case firedAt = "fired_at"
        case resolvedAt = "resolved_at"
        case peakValue = "peak_value"
    }
}
