/// Why an estimator could not be fitted.
public struct FittingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in words.
    public var description: String

    /// An error with its explanation.
    public init(_ description: String) { self.description = description }
}
