/// Where an alert is in its life, with Prometheus' meaning.
///
/// `inactive → pending` when the condition starts to hold, `pending → firing` once it has held
/// for the rule's `for`, `firing → resolved` once it stops holding (after `keep_firing_for`), and
/// `pending → inactive` when it stops holding before `for` has passed.
public enum AlertState: String, Sendable, Hashable, Codable, CaseIterable {
    /// The condition does not hold (or the alert is not known).
    case inactive
    /// The condition holds, but not yet for the rule's `for`.
    case pending
    /// The condition has held for `for`: notifications go out.
    case firing
    /// The alert was firing and has stopped; kept a while so that resolved notifications go out.
    case resolved
}
