extension KLLSketch {
    /// The current binary format.
    static let formatVersion: UInt8 = 1

    /// The versioned binary form (``SketchWriter``). Body, little-endian: k (UInt32), count and
    /// missing (UInt64), minimum and maximum (Double), coin state (UInt64), the number of levels
    /// (UInt8), each level's size (UInt32), then the items level by level, level 0 in its
    /// unsorted order so that a decoded sketch continues exactly as the original would.
    public func serialized() -> [UInt8] {
        var writer = SketchWriter(
            kind: .kll, version: Self.formatVersion, capacity: 45 + 4 * levels.count + 8 * retainedCount)
        writer.append(UInt32(k))
        writer.append(count)
        writer.append(missing)
        writer.append(smallest)
        writer.append(largest)
        writer.append(coinState)
        writer.append(UInt8(levels.count))
        for level in levels { writer.append(UInt32(level.count)) }
        for level in levels { writer.append(contentsOf: level) }
        return writer.finish()
    }

    /// Decodes ``serialized()``, checking every invariant a sketch relies on.
    public init(serialized bytes: [UInt8]) throws(SketchError) {
        var reader = try SketchReader(bytes, kind: .kll, version: Self.formatVersion)
        let k = Int(try reader.readUInt32())
        guard (8...65_535).contains(k) else { throw .corrupt("k = \(k) is outside 8...65535") }
        let count = try reader.readCount()
        let missing = try reader.readCount()
        let smallest = try reader.readDouble()
        let largest = try reader.readDouble()
        let coinState = try reader.readUInt64()
        let levelCount = Int(try reader.readUInt8())
        guard (1...62).contains(levelCount) else { throw .corrupt("\(levelCount) levels") }
        try reader.reserve(levelCount, bytesEach: 4)
        var sizes: [Int] = []
        for _ in 0..<levelCount { sizes.append(Int(try reader.readUInt32())) }
        var levels: [[Double]] = []
        var weight = 0
        for (h, size) in sizes.enumerated() {
            let level = try reader.readDoubles(size)
            guard level.allSatisfy({ $0.isFinite && $0 >= smallest && $0 <= largest }) else {
                throw .corrupt("level \(h) holds an item outside [minimum, maximum]")
            }
            guard h == 0 || zip(level, level.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw .corrupt("level \(h) is not sorted")
            }
            let (product, overflow) = size.multipliedReportingOverflow(by: 1 << h)
            guard !overflow, weight <= Int.max - product else { throw .corrupt("level weights overflow") }
            weight += product
            levels.append(level)
        }
        try reader.finish()
        guard weight == count else { throw .corrupt("level weights sum to \(weight), not the count \(count)") }
        if count == 0 {
            guard smallest == .infinity, largest == -.infinity else { throw .corrupt("an empty sketch has extremes") }
        } else {
            guard smallest.isFinite, largest.isFinite else { throw .corrupt("non-finite extremes") }
        }
        self.init(
            k: k, count: count, missing: missing, smallest: smallest, largest: largest, levels: levels,
            coinState: coinState)
    }
}
