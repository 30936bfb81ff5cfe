extension MomentsSketch {
    /// The current binary format.
    static let formatVersion: UInt8 = 1

    /// The versioned binary form (``SketchWriter``). Body: count and missing (UInt64), then
    /// mean, M₂, M₃, M₄, minimum and maximum (Double); an empty sketch stores zeros and ±∞.
    public func serialized() -> [UInt8] {
        var writer = SketchWriter(kind: .moments, version: Self.formatVersion, capacity: 64)
        writer.append(count)
        writer.append(missing)
        for value in [runningMean, m2, m3, m4, smallest, largest] { writer.append(value) }
        return writer.finish()
    }

    /// Decodes ``serialized()``.
    public init(serialized bytes: [UInt8]) throws(SketchError) {
        var reader = try SketchReader(bytes, kind: .moments, version: Self.formatVersion)
        let count = try reader.readCount()
        let missing = try reader.readCount()
        let mean = try reader.readDouble()
        let m2 = try reader.readDouble()
        let m3 = try reader.readDouble()
        let m4 = try reader.readDouble()
        let smallest = try reader.readDouble()
        let largest = try reader.readDouble()
        try reader.finish()
        if count == 0 {
            guard mean == 0, m2 == 0, m3 == 0, m4 == 0, smallest == .infinity, largest == -.infinity else {
                throw .corrupt("an empty sketch has moments")
            }
        } else {
            guard [mean, m2, m3, m4, smallest, largest].allSatisfy(\.isFinite), m2 >= 0, m4 >= 0,
                smallest <= largest
            else { throw .corrupt("moments out of range") }
        }
        self.init(
            count: count, missing: missing, mean: mean, m2: m2, m3: m3, m4: m4, smallest: smallest, largest: largest)
    }
}
