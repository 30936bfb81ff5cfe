/// The automatic, sample-size-aware choice of a drift method for a column.
///
/// Hypothesis tests answer "could these samples come from one distribution?", and with
/// thousands of rows they say no to shifts too small to matter. So, as Evidently does:
///
/// | reference rows | numeric, > 5 distinct values | otherwise (categorical or ≤ 5 values) |
/// |---|---|---|
/// | ≤ 1,000 | `ks` (p < 0.05) | `chisquare` (p < 0.05); `z` when there are two categories |
/// | > 1,000 | `wasserstein_normed` (≥ 0.1 std) | `jensenshannon` (≥ 0.1) |
///
/// A numeric column with at most five distinct values (over both samples) is compared as
/// categories, which is what such a column is.
public enum MethodSelection {
    /// Reference sizes up to this use hypothesis tests; larger ones use effect sizes.
    public static let hypothesisTestLimit = 1000
    /// Numeric columns with at most this many distinct values are compared as categories.
    public static let categoricalDistinctLimit = 5

    /// The method for a numeric column; `distinctValues` counts both samples together.
    public static func numeric(referenceCount: Int, distinctValues: Int) -> DriftMethod {
        if distinctValues <= categoricalDistinctLimit {
            return categorical(referenceCount: referenceCount, categoryCount: distinctValues)
        }
        return referenceCount <= hypothesisTestLimit ? .ks : .wassersteinNormed
    }

    /// The method for a categorical column with `categoryCount` categories over both samples.
    public static func categorical(referenceCount: Int, categoryCount: Int) -> DriftMethod {
        guard referenceCount <= hypothesisTestLimit else { return .jensenShannon }
        return categoryCount > 2 ? .chiSquare : .z
    }
}
