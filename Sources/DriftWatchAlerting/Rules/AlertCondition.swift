/// When a rule's series is in trouble: a threshold, an adaptive band, a relative change, or a
/// combination of sub-conditions.
///
/// In configuration a condition is an object with exactly one of the keys `threshold`, `adaptive`,
/// `relative`, `all_of` or `any_of`:
///
/// ```yaml
/// condition:
///   all_of:
///     - metric: feature_drift_score
///       method: psi
///       condition: { threshold: { op: ">", value: 0.2 } }
///     - metric: estimated_accuracy
///       condition: { relative: { direction: drop, fraction: 0.05 } }
/// ```
///
/// A composite whose clauses name another metric, method or feature than the rule joins its
/// series by model, version and segment: the rule raises one alert per model (version, segment),
/// and a clause holds when any of its series satisfies its condition.
public indirect enum AlertCondition: Sendable, Hashable {
    /// A static threshold.
    case threshold(ThresholdCondition)
    /// A band around the reference baseline.
    case adaptive(AdaptiveCondition)
    /// A change relative to the reference value.
    case relative(RelativeCondition)
    /// Every clause holds.
    case allOf([AlertClause])
    /// At least one clause holds.
    case anyOf([AlertClause])

    /// A threshold condition, for building rules in code: `.threshold(.greaterThan, 0.2)`.
    public static func threshold(_ op: ComparisonOperator, _ value: Double) -> AlertCondition {
        .threshold(ThresholdCondition(op, value))
    }

    /// Whether any clause, at any depth, reads another metric, method or feature than the rule,
    /// which makes the rule join its series by model, version and segment.
    public var joinsSeries: Bool {
        switch self {
        case .threshold, .adaptive, .relative:
            return false
        case .allOf(let clauses), .anyOf(let clauses):
            return clauses.contains { clause in
                clause.metric != nil || clause.method != nil || clause.feature != nil || clause.condition.joinsSeries
            }
        }
    }
}
