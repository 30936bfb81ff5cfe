/// Builds the versioned, little-endian binary form that every sketch serializes to.
///
/// Layout: the magic bytes "DW", the ``SketchKind`` tag, the format version, the body length
/// (UInt32), the body, then the xxHash64 of everything before it. The length lets a reader
/// tell truncation from corruption, and the checksum catches a flipped bit that would
/// otherwise decode to a plausible but wrong sketch.
struct SketchWriter {
    /// "DW".
    static let magic: (UInt8, UInt8) = (0x44, 0x57)
    /// Magic, tag, version and body length.
    static let headerSize = 8
    /// The trailing checksum.
    static let checksumSize = 8

    private var bytes: [UInt8]

    /// Starts a sketch of `kind` in format `version`.
    init(kind: SketchKind, version: UInt8, capacity: Int = 64) {
        bytes = [Self.magic.0, Self.magic.1, kind.rawValue, version, 0, 0, 0, 0]
        bytes.reserveCapacity(Self.headerSize + capacity + Self.checksumSize)
    }

    mutating func append(_ value: UInt8) { bytes.append(value) }

    mutating func append(_ value: UInt32) { appendLittleEndian(value) }

    mutating func append(_ value: UInt64) { appendLittleEndian(value) }

    /// A non-negative count, as UInt64.
    mutating func append(_ value: Int) { appendLittleEndian(UInt64(value)) }

    /// The IEEE 754 bit pattern.
    mutating func append(_ value: Double) { appendLittleEndian(value.bitPattern) }

    mutating func append(contentsOf values: [Double]) {
        for value in values { appendLittleEndian(value.bitPattern) }
    }

    mutating func append(bytes other: some Collection<UInt8>) { bytes.append(contentsOf: other) }

    /// A UTF-8 string prefixed by its byte count (UInt32).
    mutating func append(_ string: String) {
        append(UInt32(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }

    /// Fills in the body length and appends the checksum.
    consuming func finish() -> [UInt8] {
        let length = UInt32(bytes.count - Self.headerSize)
        for i in 0..<4 { bytes[4 + i] = UInt8(truncatingIfNeeded: length >> (8 * i)) }
        appendLittleEndian(XXHash64.hash(bytes))
        return bytes
    }

    private mutating func appendLittleEndian(_ value: some FixedWidthInteger) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
