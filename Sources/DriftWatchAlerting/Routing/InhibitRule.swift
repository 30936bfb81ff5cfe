/// Mutes alerts while a related, more important alert fires, as Alertmanager's inhibition does.
///
/// A target alert (matching `target_matchers`) is muted while some *firing* alert matches
/// `source_matchers` and has the same values for every label in `equal` (a label missing on both
/// counts as equal). An alert that matches both sides cannot be muted by another alert that also
/// matches both, so a rule never mutes itself.
///
/// ```yaml
/// inhibit_rules:
///   - source_matchers: ['severity="critical"']
///     target_matchers: ['severity="warning"']
///     equal: [alertname, model, version, feature, segment]
/// ```
public struct InhibitRule: Sendable, Hashable, Codable {
    /// What the muting alert must match.
    public var sourceMatchers: [LabelMatcher]
    /// What the muted alert must match.
    public var targetMatchers: [LabelMatcher]
    /// Labels that must have the same value on both.
    public var equal: [String]

    /// Creates an inhibition rule.
    public init(sourceMatchers: [LabelMatcher], targetMatchers: [LabelMatcher], equal: [String] = []) {
        self.sourceMatchers = sourceMatchers
        self.targetMatchers = targetMatchers
        self.equal = equal
    }

    /// A critical alert mutes the warning of the same alert name on the same series: with
    /// ``AlertRule/defaults`` a PSI above 0.3 pages once instead of twice.
    public static let defaults: [InhibitRule] = [
        InhibitRule(
            sourceMatchers: [.equal("severity", "critical")], targetMatchers: [.equal("severity", "warning")],
            equal: ["alertname", "model", "version", "feature", "segment"])
    ]

    /// Whether `source` (assumed firing) mutes `target` under this rule.
    public func mutes(_ target: AlertLabels, by source: AlertLabels) -> Bool {
        guard targetMatchers.matches(target), sourceMatchers.matches(source) else { return false }
        guard equal.allSatisfy({ target.value($0) == source.value($0) }) else { return false }
        if sourceMatchers.matches(target) && targetMatchers.matches(source) { return false }
        return true
    }

    /// Whether any of the firing alerts `sources` mutes `target`.
    public func mutes(_ target: AlertLabels, among sources: [AlertLabels]) -> Bool {
        guard targetMatchers.matches(target) else { return false }
        return sources.contains { mutes(target, by: $0) }
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case sourceMatchers = "source_matchers"
        case targetMatchers = "target_matchers"
        case equal
    }

    /// Decodes an inhibition rule; unknown fields are an error naming the field.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sourceMatchers = try container.decode([LabelMatcher].self, forKey: .sourceMatchers)
        targetMatchers = try container.decode([LabelMatcher].self, forKey: .targetMatchers)
        equal = try container.decodeIfPresent([String].self, forKey: .equal) ?? []
    }
}
