/// A parameter a detector takes: its River name, the values it accepts and its default.
public struct DetectorParameter: Sendable, Hashable {
    /// The values a parameter accepts, with its default.
    public enum Kind: Sendable, Hashable {
        /// A finite number in `domain`.
        case real(default: Double, domain: Domain)
        /// A finite number, or `none` (the default).
        case optionalReal
        /// An integer of at least `minimum`.
        case integer(default: Int, minimum: Int)
        /// An integer of at least `minimum`, or `none` (the default).
        case optionalInteger(minimum: Int)
        /// `true` or `false`.
        case boolean(default: Bool)
        /// One of `options`.
        case choice(default: String, options: [String])
        /// A seed for ``SeededRandomNumberGenerator``: an integer in 0...2⁶⁴ − 1.
        case seed(default: UInt64)
    }

    /// Where a real parameter must lie.
    public enum Domain: Sendable, Hashable, CustomStringConvertible {
        /// Any finite number.
        case finite
        /// x ≥ 0.
        case nonNegative
        /// x > 0.
        case positive
        /// 0 < x < 1.
        case openUnitInterval
        /// 0 ≤ x ≤ 1.
        case unitInterval

        /// Whether `x` lies in the domain (NaN and ±∞ never do).
        public func contains(_ x: Double) -> Bool {
            guard x.isFinite else { return false }
            switch self {
            case .finite: return true
            case .nonNegative: return x >= 0
            case .positive: return x > 0
            case .openUnitInterval: return x > 0 && x < 1
            case .unitInterval: return x >= 0 && x <= 1
            }
        }

        /// The domain in words, for error messages.
        public var description: String {
            switch self {
            case .finite: "a finite number"
            case .nonNegative: "a number ≥ 0"
            case .positive: "a number > 0"
            case .openUnitInterval: "a number in (0, 1)"
            case .unitInterval: "a number in [0, 1]"
            }
        }
    }

    /// The name, as River spells the keyword argument (`grace_period`).
    public var name: String
    /// The accepted values and the default.
    public var kind: Kind
    /// What the parameter controls, in one line.
    public var summary: String

    /// Creates a parameter description.
    public init(_ name: String, _ kind: Kind, _ summary: String) {
        self.name = name
        self.kind = kind
        self.summary = summary
    }

    /// The default as it would be written after `--param NAME=`.
    public var defaultValue: String {
        switch kind {
        case .real(let value, _): "\(value)"
        case .optionalReal, .optionalInteger: "none"
        case .integer(let value, _): "\(value)"
        case .boolean(let value): "\(value)"
        case .choice(let value, _): value
        case .seed(let value): "\(value)"
        }
    }

    /// The accepted values in words, for listings and error messages.
    public var expected: String {
        switch kind {
        case .real(_, let domain): domain.description
        case .optionalReal: "a finite number or none"
        case .integer(_, let minimum): "an integer ≥ \(minimum)"
        case .optionalInteger(let minimum): "an integer ≥ \(minimum) or none"
        case .boolean: "true or false"
        case .choice(_, let options): "one of " + options.joined(separator: ", ")
        case .seed: "an integer in 0...\(UInt64.max)"
        }
    }
}
