extension HyperLogLogSketch {
    /// The current binary format.
    static let formatVersion: UInt8 = 1

    /// The versioned binary form (``SketchWriter``). Body: the precision (UInt8), then one byte
    /// per register. The hash (xxHash64, seed 0) is part of format version 1.
    public func serialized() -> [UInt8] {
        var writer = SketchWriter(kind: .hyperLogLog, version: Self.formatVersion, capacity: 1 + registers.count)
        writer.append(UInt8(precision))
        writer.append(bytes: registers)
        return writer.finish()
    }

    /// Decodes ``serialized()``.
    public init(serialized bytes: [UInt8]) throws(SketchError) {
        var reader = try SketchReader(bytes, kind: .hyperLogLog, version: Self.formatVersion)
        let precision = Int(try reader.readUInt8())
        guard (4...18).contains(precision) else { throw .corrupt("precision \(precision) is outside 4...18") }
        let registers = Array(try reader.readBytes(1 << precision))
        try reader.finish()
        guard registers.allSatisfy({ Int($0) <= 65 - precision }) else {
            throw .corrupt("a register exceeds the largest rank \(65 - precision)")
        }
        self.init(precision: precision, registers: registers)
    }
}
