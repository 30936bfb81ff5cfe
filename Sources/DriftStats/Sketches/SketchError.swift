/// Why a serialized sketch cannot be read, or two sketches cannot be merged.
public enum SketchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes do not start with the sketch magic "DW".
    case notASketch
    /// The type tag names no kind of sketch this build knows.
    case unknownKind(UInt8)
    /// The bytes hold a sketch of another kind.
    case wrongKind(expected: SketchKind, found: SketchKind)
    /// The format version is not one this build reads.
    case unsupportedVersion(kind: SketchKind, found: UInt8, supported: UInt8)
    /// The bytes end before the sketch does.
    case truncated(expected: Int, actual: Int)
    /// The bytes are damaged: a checksum mismatch, stray bytes, or a field that breaks an invariant.
    case corrupt(String)
    /// The two sketches cannot be merged, for example histograms over different edges.
    case incompatible(String)

    /// A sentence for a person, naming what is wrong with the bytes or the pair.
    public var description: String {
        switch self {
        case .notASketch: "not a DriftWatch sketch (bad magic bytes)"
        case .unknownKind(let tag): "unknown sketch type tag \(tag)"
        case .wrongKind(let expected, let found): "expected a \(expected) sketch, found a \(found) sketch"
        case .unsupportedVersion(let kind, let found, let supported):
            "\(kind) sketch format version \(found) is not supported (this build reads version \(supported))"
        case .truncated(let expected, let actual): "truncated sketch: \(actual) bytes, at least \(expected) needed"
        case .corrupt(let reason): "corrupt sketch: \(reason)"
        case .incompatible(let reason): "incompatible sketches: \(reason)"
        }
    }
}
