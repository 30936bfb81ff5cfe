import Foundation

/// A condition on one label, with Alertmanager's four operators: `=`, `!=`, `=~`, `!~`.
///
/// Regular expressions are anchored at both ends (`model=~"fraud.*"` does not match
/// `old-fraud`), and a missing label matches as the empty string, so `team=""` selects alerts
/// without a team. Written in configuration as Alertmanager writes matchers:
///
/// ```yaml
/// matchers: ['severity="critical"', 'model=~"fraud-.*"', 'team!=ml-platform']
/// ```
///
/// or, in JSON, as `{"name": "severity", "op": "=", "value": "critical"}`.
public struct LabelMatcher: Sendable, Hashable, CustomStringConvertible {
    /// How the value is compared.
    public enum Operator: String, Sendable, Hashable, Codable, CaseIterable {
        /// The label equals the value.
        case equal = "="
        /// The label differs from the value.
        case notEqual = "!="
        /// The label matches the regular expression.
        case regexMatch = "=~"
        /// The label does not match the regular expression.
        case regexNoMatch = "!~"
    }

    /// The label name.
    public let name: String
    /// The operator.
    public let op: Operator
    /// The value or regular expression.
    public let value: String
    /// The compiled, anchored expression for the regex operators.
    private let regex: NSRegularExpression?

    /// Creates a matcher.
    ///
    /// - Throws: ``AlertConfigurationProblem`` (field `value`) when a regex operator's value is
    ///   not a valid regular expression.
    public init(_ name: String, _ op: Operator, _ value: String) throws(AlertConfigurationProblem) {
        self.name = name
        self.op = op
        self.value = value
        if op == .regexMatch || op == .regexNoMatch {
            do {
                regex = try NSRegularExpression(pattern: "^(?:\(value))$", options: [.dotMatchesLineSeparators])
            } catch {
                throw AlertConfigurationProblem(field: "value", message: "invalid regular expression \"\(value)\"")
            }
        } else {
            regex = nil
        }
    }

    /// A matcher for `name = value`, which cannot fail.
    public static func equal(_ name: String, _ value: String) -> LabelMatcher {
        try! LabelMatcher(name, .equal, value)
    }

    /// Whether the label set satisfies the matcher.
    public func matches(_ labels: AlertLabels) -> Bool {
        matches(value: labels.value(name))
    }

    /// Whether a label value (`""` for a missing label) satisfies the matcher.
    public func matches(value candidate: String) -> Bool {
        switch op {
        case .equal: return candidate == value
        case .notEqual: return candidate != value
        case .regexMatch: return regexMatches(candidate)
        case .regexNoMatch: return !regexMatches(candidate)
        }
    }

    /// `name="value"`, the form the parser reads back.
    public var description: String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\(name)\(op.rawValue)\"\(escaped)\""
    }

    /// Equal when name, operator and value are; the compiled expression follows from them.
    public static func == (lhs: LabelMatcher, rhs: LabelMatcher) -> Bool {
        lhs.name == rhs.name && lhs.op == rhs.op && lhs.value == rhs.value
    }

    /// Hashes name, operator and value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(op)
        hasher.combine(value)
    }

    private func regexMatches(_ candidate: String) -> Bool {
        guard let regex else { return false }
        let range = NSRange(candidate.startIndex..., in: candidate)
        return regex.firstMatch(in: candidate, options: [], range: range) != nil
    }
}

extension [LabelMatcher] {
    /// Whether every matcher matches (an empty list matches everything).
    public func matches(_ labels: AlertLabels) -> Bool {
        allSatisfy { $0.matches(labels) }
    }
}
