/// A scenario or traffic configuration that cannot be run, naming the field at fault.
///
/// ```swift
/// // field "rate", message "must be in (0, 1], got 1.5"
/// print(error)  // rate: must be in (0, 1], got 1.5
/// ```
public struct SimulationConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field at fault, as spelled in JSON (`rate`, `features[1]`).
    public var field: String
    /// What is wrong with it.
    public var message: String

    /// An error about `field`.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
