import Foundation

/// One thing a report advises, with the finding that triggered it.
///
/// ```swift
/// Recommendation(
///     kind: .investigateFeature, feature: "amount", title: "Investigate amount",
///     reason: "amount drifted: psi 0.42 (p-value —), the largest drift score in the window.")
/// ```
public struct Recommendation: Sendable, Hashable, Codable {
    /// What kind of action it is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Look at a drifted feature.
        case investigateFeature = "investigate_feature"
        /// Check the system that produces a feature: its values broke, not just shifted.
        case checkUpstream = "check_upstream"
        /// Retrain (now, or before the forecast crossing).
        case retrain
        /// Latency or errors of the serving path are over their limits.
        case checkService = "check_service"
        /// Alerts are firing that no other finding explains.
        case reviewAlerts = "review_alerts"
        /// Everything is within its limits.
        case noAction = "no_action"
    }

    public var kind: Kind
    /// The feature it is about, when it is about one.
    public var feature: String?
    /// The action, in a few words.
    public var title: String
    /// Why: the finding with its numbers, and the limit it crossed.
    public var reason: String

    public init(kind: Kind, feature: String? = nil, title: String, reason: String) {
        self.kind = kind
        self.feature = feature
        self.title = title
        self.reason = reason
    }
}
