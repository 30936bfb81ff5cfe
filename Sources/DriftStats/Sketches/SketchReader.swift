/// Reads the binary form written by ``SketchWriter``, checking the envelope first.
///
/// The magic, tag and version are checked before the length, so that a foreign or newer blob
/// is reported as such even when it is short; then length, then checksum. Field reads never
/// run past the body, and array lengths are checked against the bytes left before anything
/// is allocated.
struct SketchReader {
    private let bytes: [UInt8]
    private var offset = SketchWriter.headerSize
    private let end: Int

    /// Checks the envelope of `bytes` for a sketch of `kind` in format `version`.
    init(_ bytes: [UInt8], kind: SketchKind, version: UInt8) throws(SketchError) {
        let found = try SketchKind(serialized: bytes)
        guard found == kind else { throw .wrongKind(expected: kind, found: found) }
        guard bytes.count >= 4 else { throw .truncated(expected: SketchWriter.headerSize, actual: bytes.count) }
        guard bytes[3] == version else { throw .unsupportedVersion(kind: kind, found: bytes[3], supported: version) }
        guard bytes.count >= SketchWriter.headerSize else {
            throw .truncated(expected: SketchWriter.headerSize, actual: bytes.count)
        }
        var length = 0
        for i in 0..<4 { length |= Int(bytes[4 + i]) << (8 * i) }
        let total = SketchWriter.headerSize + length + SketchWriter.checksumSize
        guard bytes.count >= total else { throw .truncated(expected: total, actual: bytes.count) }
        guard bytes.count == total else { throw .corrupt("\(bytes.count - total) bytes after the checksum") }
        end = SketchWriter.headerSize + length
        var stored: UInt64 = 0
        for i in 0..<8 { stored |= UInt64(bytes[end + i]) << (8 * i) }
        let bodyEnd = end
        let computed = bytes.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[..<bodyEnd])) }
        guard stored == computed else { throw .corrupt("checksum mismatch") }
        self.bytes = bytes
    }

    /// Bytes of the body not read yet.
    var remaining: Int { end - offset }

    mutating func readUInt8() throws(SketchError) -> UInt8 { try readLittleEndian() }

    mutating func readUInt32() throws(SketchError) -> UInt32 { try readLittleEndian() }

    mutating func readUInt64() throws(SketchError) -> UInt64 { try readLittleEndian() }

    /// A count written as UInt64; at most `limit`.
    mutating func readCount(limit: Int = Int.max) throws(SketchError) -> Int {
        let value = try readUInt64()
        guard value <= UInt64(limit) else { throw .corrupt("count \(value) exceeds \(limit)") }
        return Int(value)
    }

    mutating func readDouble() throws(SketchError) -> Double { Double(bitPattern: try readLittleEndian()) }

    /// `count` doubles, after checking that the body holds them.
    mutating func readDoubles(_ count: Int) throws(SketchError) -> [Double] {
        try reserve(count, bytesEach: 8)
        let start = offset
        offset += count * 8
        // One unaligned load per value instead of eight byte reads: sketches hold most of a
        // profile's bytes.
        return bytes.withUnsafeBytes { raw in
            [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count {
                    let bits = raw.loadUnaligned(fromByteOffset: start + i * 8, as: UInt64.self)
                    buffer[i] = Double(bitPattern: UInt64(littleEndian: bits))
                }
                initialized = count
            }
        }
    }

    /// `count` raw bytes.
    mutating func readBytes(_ count: Int) throws(SketchError) -> ArraySlice<UInt8> {
        try reserve(count, bytesEach: 1)
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    /// A string written as its UTF-8 byte count (UInt32) and bytes.
    mutating func readString() throws(SketchError) -> String {
        let length = Int(try readUInt32())
        guard let string = String(validating: try readBytes(length), as: UTF8.self) else {
            throw .corrupt("a string is not valid UTF-8")
        }
        return string
    }

    /// Fails unless `count` items of `bytesEach` bytes are left, so that a corrupt count
    /// cannot make the caller allocate without bound.
    func reserve(_ count: Int, bytesEach: Int) throws(SketchError) {
        guard count >= 0, count <= remaining / bytesEach else {
            throw .corrupt("\(count) items of \(bytesEach) bytes do not fit in the \(remaining) bytes left")
        }
    }

    /// Fails if the body has bytes that no field read.
    func finish() throws(SketchError) {
        guard offset == end else { throw .corrupt("\(end - offset) unread bytes in the body") }
    }

    private mutating func readLittleEndian<T: FixedWidthInteger>() throws(SketchError) -> T {
        let size = MemoryLayout<T>.size
        guard size <= remaining else { throw .corrupt("a field runs past the end of the body") }
        let start = offset
        offset += size
        return T(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: start, as: T.self) })
    }
}
