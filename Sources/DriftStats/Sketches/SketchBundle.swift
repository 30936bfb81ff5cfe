/// Named serialized sketches and counters kept together in one blob, so that a profile made of
/// many sketches (one per feature) is stored, checksummed and versioned as one value.
///
/// ```swift
/// var bundle = SketchBundle()
/// bundle.counters["count"] = 12
/// bundle.parts["latency"] = latencySketch.serialized()
/// let bytes = bundle.serialized()
/// let again = try SketchBundle(serialized: bytes)
/// ```
///
/// Entries are written in key order, so equal bundles serialize to equal bytes.
public struct SketchBundle: Sendable, Hashable {
    /// Counters by name.
    public var counters: [String: Int]
    /// Serialized sketches (or any bytes) by name.
    public var parts: [String: [UInt8]]

    /// Creates a bundle.
    public init(counters: [String: Int] = [:], parts: [String: [UInt8]] = [:]) {
        self.counters = counters
        self.parts = parts
    }

    /// The current binary format.
    static let formatVersion: UInt8 = 1

    /// The versioned binary form (``SketchWriter``). Body: the number of counters (UInt32), each
    /// as name and value (UInt64); the number of parts (UInt32), each as name, byte count
    /// (UInt32) and bytes.
    public func serialized() -> [UInt8] {
        let size = parts.values.reduce(0) { $0 + $1.count + 32 } + counters.count * 24
        var writer = SketchWriter(kind: .bundle, version: Self.formatVersion, capacity: size)
        writer.append(UInt32(counters.count))
        for name in counters.keys.sorted() {
            writer.append(name)
            writer.append(counters[name] ?? 0)
        }
        writer.append(UInt32(parts.count))
        for name in parts.keys.sorted() {
            let bytes = parts[name] ?? []
            writer.append(name)
            writer.append(UInt32(bytes.count))
            writer.append(bytes: bytes)
        }
        return writer.finish()
    }

    /// Decodes ``serialized()``.
    public init(serialized bytes: [UInt8]) throws(SketchError) {
        var counters: [String: Int] = [:]
        var parts: [String: [UInt8]] = [:]
        try Self.walk(
            serialized: bytes,
            counter: { (name, value) throws(SketchError) in counters[try Self.name(name)] = value },
            part: { (name, bytes) throws(SketchError) in parts[try Self.name(name)] = Array(bytes) })
        self.init(counters: counters, parts: parts)
    }

    /// An entry's name as text.
    private static func name(_ bytes: ArraySlice<UInt8>) throws(SketchError) -> String {
        guard let name = String(validating: bytes, as: UTF8.self) else {
            throw .corrupt("a string is not valid UTF-8")
        }
        return name
    }

    /// Walks the entries of ``serialized()`` in stored order (counters by name, then parts by
    /// name) without building the dictionaries or a string per name: decoders of large bundles
    /// read each entry once this way. Names are handed over as their UTF-8 bytes, unchecked
    /// (a decoder validates the ones it turns into strings); everything else is checked here.
    public static func walk(
        serialized bytes: [UInt8], counter: (ArraySlice<UInt8>, Int) throws(SketchError) -> Void,
        part: (ArraySlice<UInt8>, ArraySlice<UInt8>) throws(SketchError) -> Void
    ) throws(SketchError) {
        var reader = try SketchReader(bytes, kind: .bundle, version: formatVersion)
        let counterCount = Int(try reader.readUInt32())
        try reader.reserve(counterCount, bytesEach: 12)
        for _ in 0..<counterCount {
            let name = try reader.readBytes(Int(try reader.readUInt32()))
            try counter(name, try reader.readCount())
        }
        let partCount = Int(try reader.readUInt32())
        try reader.reserve(partCount, bytesEach: 8)
        for _ in 0..<partCount {
            let name = try reader.readBytes(Int(try reader.readUInt32()))
            let length = Int(try reader.readUInt32())
            try part(name, try reader.readBytes(length))
        }
        try reader.finish()
    }
}
