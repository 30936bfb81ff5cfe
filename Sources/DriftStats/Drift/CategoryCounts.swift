/// Category frequencies of a reference and a current sample over their union of categories.
///
/// Categories are kept in ascending order so that every result is deterministic. A category
/// seen in only one sample has a zero count in the other.
public struct CategoryCounts: Sendable, Hashable {
    /// The union of categories, ascending.
    public let categories: [String]
    /// Reference count per category, aligned with ``categories``.
    public let reference: [Int]
    /// Current count per category, aligned with ``categories``.
    public let current: [Int]
    /// Missing values dropped from the reference.
    public let missingReference: Int
    /// Missing values dropped from the current sample.
    public let missingCurrent: Int

    /// Counts the present values of two samples; `nil` entries are missing.
    public init(reference: some Sequence<String?>, current: some Sequence<String?>) {
        var referenceCounts: [String: Int] = [:]
        var currentCounts: [String: Int] = [:]
        var missingReference = 0
        var missingCurrent = 0
        for value in reference {
            if let value { referenceCounts[value, default: 0] += 1 } else { missingReference += 1 }
        }
        for value in current {
            if let value { currentCounts[value, default: 0] += 1 } else { missingCurrent += 1 }
        }
        self.init(
            reference: referenceCounts, current: currentCounts,
            missingReference: missingReference, missingCurrent: missingCurrent)
    }

    /// Builds the table from per-category counts.
    public init(
        reference: [String: Int], current: [String: Int], missingReference: Int = 0,
        missingCurrent: Int = 0
    ) {
        let categories = Set(reference.keys).union(current.keys).sorted()
        self.categories = categories
        self.reference = categories.map { reference[$0] ?? 0 }
        self.current = categories.map { current[$0] ?? 0 }
        self.missingReference = missingReference
        self.missingCurrent = missingCurrent
    }

    /// Total present values in the reference.
    public var referenceTotal: Int { reference.reduce(0, +) }
    /// Total present values in the current sample.
    public var currentTotal: Int { current.reduce(0, +) }

    /// Reference proportions per category.
    public var referenceProportions: [Double] {
        let total = Double(referenceTotal)
        return reference.map { Double($0) / total }
    }

    /// Current proportions per category.
    public var currentProportions: [Double] {
        let total = Double(currentTotal)
        return current.map { Double($0) / total }
    }

    /// Throws, naming the sample, when the reference or the current sample has no values.
    public func requireBothSamples() throws(UndefinedStatistic) {
        guard referenceTotal > 0 else { throw UndefinedStatistic("the reference has no values") }
        guard currentTotal > 0 else { throw UndefinedStatistic("the current sample has no values") }
    }
}
