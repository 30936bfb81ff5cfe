/// One column's values in the reference and in the current dataset.
public struct ColumnPair: Sendable {
    /// The values of one side of a column.
    public enum Values: Sendable {
        /// Numbers; NaN and ±∞ are missing.
        case numbers([Double])
        /// Category labels counted; see ``CategoryTally``.
        case categories(CategoryTally)
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

    /// Numeric when both sides are numbers.
    public var kind: ColumnKind {
        if case .numbers = reference, case .numbers = current { return .numeric }
        return .categorical
    }
}
