/// A detector for a stream of bits, such as a classifier's errors: 1 (an error) or 0.
public protocol BinaryDriftDetector: DriftDetector {}

extension BinaryDriftDetector {
    /// Takes the next bit: `true` is fed as 1, `false` as 0.
    public mutating func update(_ error: Bool) { update(error ? 1 : 0) }
}
