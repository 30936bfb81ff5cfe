/// One column's values in the reference and in the current dataset.
public struct ColumnPair: Sendable {
    /// The values of one side of a column.
    public enum Values: Sendable {
        /// Numbers; NaN and ±∞ are missing.
        case numbers([Double])
        /// Category labels counted; see ``CategoryTally``.
        case categories(CategoryTally)
        /// A window's profile of the feature: sketches instead of values (current side only).
        case profile(FeatureProfile)
    }

    /// The column name.
    public var name: String
    /// Reference values.
    public var reference: Values
    /// Current values.
    public var current: Values

    /// Creates a numeric column pair.
    public init(name: String, reference: [Double], current: [Double]) {
        self.name = name
        self.reference = .numbers(reference)
        self.current = .numbers(current)
    }

    /// Creates a categorical column pair from labels; `nil` is missing.
    public init(name: String, reference: [String?], current: [String?]) {
        self.init(name: name, reference: CategoryTally(reference), current: CategoryTally(current))
    }

    /// Creates a categorical column pair from tallies.
    public init(name: String, reference: CategoryTally, current: CategoryTally) {
        self.name = name
        self.reference = .categories(reference)
        self.current = .categories(current)
    }

    /// Creates a pair of reference values and a window's profile.
    public init(name: String, reference: Values, profile: FeatureProfile) {
        self.name = name
        self.reference = reference
        self.current = .profile(profile)
    }

    /// Numeric when the reference is numbers and the current side is numbers or a profile of
    /// numbers.
    public var kind: ColumnKind {
        switch (reference, current) {
        case (.numbers, .numbers): return .numeric
        case (.numbers, .profile(let profile)) where profile.categories.count == 0: return .numeric
        default: return .categorical
        }
    }
}
