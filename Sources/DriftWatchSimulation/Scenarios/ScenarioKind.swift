/// The failures a scenario can inject into a demo model's traffic.
public enum ScenarioKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Input distributions shift linearly over the duration, then stay shifted.
    case gradualDrift = "gradual_drift"
    /// Input distributions shift at once at the start.
    case suddenDrift = "sudden_drift"
    /// Missing values, outliers and unseen categories rise over the duration; optionally a
    /// unit change (an amount logged in cents instead of units).
    case dataQuality = "data_quality"
    /// Latency is multiplied and more requests fail.
    case latencySpike = "latency_spike"
    /// Inputs are unchanged but the outcome depends on them differently, so accuracy drops.
    case conceptDrift = "concept_drift"
    /// Labels arrive later than usual, or never.
    case labelDelay = "label_delay"

    /// Whether the effect builds up linearly over `duration_seconds` and then holds, rather
    /// than lasting for `duration_seconds` at full strength.
    var ramps: Bool { self == .gradualDrift || self == .dataQuality }

    /// Whether the scenario changes feature values, and so takes a `features` list.
    var touchesFeatures: Bool { self != .latencySpike && self != .labelDelay }
}
