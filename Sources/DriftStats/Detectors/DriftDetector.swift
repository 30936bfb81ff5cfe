/// A streaming concept-drift detector, fed one value at a time.
///
/// After each ``update(_:)``, ``driftDetected`` says whether that value completed a drift and
/// ``warningDetected`` whether the stream is in the warning zone that may precede one. Every
/// detector follows River 0.26's convention: the update after a detection first resets the
/// detector to its initial state and then takes the value, so a drift is reported once.
///
/// Values should be finite: a NaN goes through the running statistics as it does in River,
/// which usually silences the detector.
public protocol DriftDetector: Sendable {
    /// The stable name used on the command line and in output, such as `adwin`.
    static var name: String { get }
    /// Whether the detector ever raises a warning before a drift.
    static var hasWarnings: Bool { get }
    /// The parameters the detector takes, under River's names, with their defaults.
    static var parameters: [DetectorParameter] { get }

    /// Takes the next value of the stream.
    mutating func update(_ x: Double)
    /// Whether the last update detected a drift.
    var driftDetected: Bool { get }
    /// Whether the last update left the detector in its warning zone.
    var warningDetected: Bool { get }
}

extension DriftDetector {
    /// Whether the detector monitors a stream of errors (1) and successes (0).
    public static var isBinary: Bool { self is any BinaryDriftDetector.Type }
}
