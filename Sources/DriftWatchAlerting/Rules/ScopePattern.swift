/// A value or a glob that a scope field (model, version, feature, segment) must match.
///
/// `*` matches any run of characters (including none) and `?` any one character; everything else
/// matches itself. `"*"` therefore matches every value, the empty one included, and
/// `"txn_*"` matches `txn_amount` and `txn_count`.
///
/// ```swift
/// let features: ScopePattern = "txn_*"
/// features.matches("txn_amount")  // true
/// ```
public struct ScopePattern: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The pattern as written.
    public var pattern: String

    /// Creates a pattern from its text.
    public init(_ pattern: String) {
        self.pattern = pattern
    }

    /// Creates a pattern from a literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The pattern that matches everything.
    public static let any = ScopePattern("*")

    /// Whether the pattern matches every value.
    public var matchesEverything: Bool { !pattern.isEmpty && pattern.allSatisfy { $0 == "*" } }

    /// Whether the pattern has no wildcard, so it matches exactly one value.
    public var isExact: Bool { !pattern.contains("*") && !pattern.contains("?") }

    /// Whether `value` matches the pattern as a whole.
    public func matches(_ value: String) -> Bool {
        if matchesEverything { return true }
        if isExact { return pattern == value }
        return Self.glob(Array(pattern), Array(value))
    }

    /// The text of the pattern.
    public var description: String { pattern }

    /// Decodes the pattern from a string.
    public init(from decoder: any Decoder) throws {
        pattern = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the pattern as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(pattern)
    }

    /// Iterative glob match with single backtracking to the last `*`: linear in practice and free of
    /// the exponential blow-up a recursive matcher has on patterns like `*a*a*a*b`.
    private static func glob(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0
        var t = 0
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || (pattern[p] != "*" && pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if let starIndex = star {
                p = starIndex + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
