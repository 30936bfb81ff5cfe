import Foundation

/// One change of an alert's state: the history entry the evaluator returns for storage.
///
/// ```swift
/// for transition in evaluator.evaluate(rules, results: latest, at: now) {
///     try await store.append(transition)  // rule_id, labels, from, to, at, value
/// }
/// ```
public struct AlertTransition: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The rule whose alert changed.
    public var ruleID: String
    /// The alert's labels.
    public var labels: AlertLabels
    /// The state before.
    public var from: AlertState
    /// The state after.
    public var to: AlertState
    /// When the evaluation that made the change ran.
    public var at: Date
    /// The series' value at that evaluation; nil when it had no data (a stale series).
    public var value: Double?

    /// Creates a transition.
    public init(ruleID: String, labels: AlertLabels, from: AlertState, to: AlertState, at: Date, value: Double?) {
        self.ruleID = ruleID
        self.labels = labels
        self.from = from
        self.to = to
        self.at = at
        self.value = value
    }

    /// The identity of the alert that changed.
    public var key: AlertKey { AlertKey(ruleID: ruleID, labels: labels) }

    /// `rule{labels}: pending → firing (0.31)`.
    public var description: String {
        "\(ruleID)\(labels): \(from.rawValue) → \(to.rawValue) (\(AlertAnnotations.format(value)))"
    }

    private enum CodingKeys: String, CodingKey {
        case ruleID = "rule_id"
        case labels, from, to, at, value
    }
}
