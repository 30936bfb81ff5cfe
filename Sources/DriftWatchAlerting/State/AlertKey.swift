/// The identity of an alert instance: its rule and its full label set.
public struct AlertKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The rule that raised it.
    public var ruleID: String
    /// Its labels (rule labels, series labels, `alertname`, `severity`).
    public var labels: AlertLabels

    /// Creates a key.
    public init(ruleID: String, labels: AlertLabels) {
        self.ruleID = ruleID
        self.labels = labels
    }

    /// A stable 16-hex-digit identity of rule and labels, for storage keys and URLs.
    public var fingerprint: String {
        var withRule = labels
        withRule["__rule_id__"] = ruleID
        return withRule.fingerprint
    }

    /// `rule-id{labels}`.
    public var description: String { "\(ruleID)\(labels)" }

    /// Orders by rule, then by label text, so that lists of alerts come out the same every time.
    public static func < (lhs: AlertKey, rhs: AlertKey) -> Bool {
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.labels.description < rhs.labels.description
    }

    private enum CodingKeys: String, CodingKey {
        case ruleID = "rule_id"
        case labels
    }
}
