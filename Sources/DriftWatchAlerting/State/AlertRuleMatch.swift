import Foundation

/// What a rule's condition says about one series (or one model, for joined composites) right now,
/// before any pending/firing state: the input of the evaluator's state machine.
public struct AlertRuleMatch: Sendable, Hashable {
    /// The series labels: `model`, `version`, `feature`, `segment` (empty ones left out).
    public var seriesLabels: AlertLabels
    /// Whether the condition holds.
    public var holds: Bool
    /// The series' value (for composites, of the first clause with data; the most extreme of
    /// its series).
    public var value: Double?
    /// The features whose series satisfied the condition.
    public var features: [String]
    /// The earliest window start of the results read.
    public var windowStart: Date?
    /// The latest window end of the results read.
    public var windowEnd: Date?
    /// How far into the alerting side `value` is (larger is worse), for backtest peaks.
    var score: Double?
}
