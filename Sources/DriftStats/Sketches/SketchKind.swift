/// The kind of sketch a serialized form holds: the type tag after the magic bytes.
///
/// The tag values are part of the binary format and never change meaning.
public enum SketchKind: UInt8, Sendable, Hashable, CaseIterable {
    /// ``KLLSketch``.
    case kll = 1
    /// ``HyperLogLogSketch``.
    case hyperLogLog = 2
    /// ``SpaceSavingSketch``.
    case spaceSaving = 3
    /// ``FixedEdgeHistogram``.
    case fixedEdgeHistogram = 4
    /// ``MomentsSketch``.
    case moments = 5
    /// ``SketchBundle``.
    case bundle = 6
    /// ``PerformanceSketch``.
    case performance = 7

    /// Reads the tag of a serialized sketch, so that a store can dispatch on it before decoding.
    public init(serialized bytes: [UInt8]) throws(SketchError) {
        guard bytes.count >= 3 else { throw .truncated(expected: SketchWriter.headerSize, actual: bytes.count) }
        guard bytes[0] == SketchWriter.magic.0, bytes[1] == SketchWriter.magic.1 else { throw .notASketch }
        guard let kind = SketchKind(rawValue: bytes[2]) else { throw .unknownKind(bytes[2]) }
        self = kind
    }
}
