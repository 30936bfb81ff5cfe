/// What one drift method computed: its statistic and, for hypothesis tests, its p-value.
public struct DriftOutcome: Sendable, Hashable {
    /// The test statistic or distance.
    public var statistic: Double
    /// The p-value, for hypothesis tests; `nil` for distances.
    public var pValue: Double?

    /// Creates an outcome.
    public init(statistic: Double, pValue: Double? = nil) {
        self.statistic = statistic
        self.pValue = pValue
    }
}

/// Why a drift method gives no number for a pair of samples.
///
/// Thrown where the reference implementation raises or returns NaN, for example a test on a
/// sample whose values are all equal. The reason is shown to the user in place of a value.
public struct UndefinedStatistic: Error, Sendable, Hashable, CustomStringConvertible {
    /// A short explanation for a person, such as "both samples are constant".
    public var reason: String

    /// Creates the error with a reason.
    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
