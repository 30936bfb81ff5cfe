extension SpaceSavingSketch {
    /// The current binary format.
    static let formatVersion: UInt8 = 1

    /// The versioned binary form (``SketchWriter``). Body: capacity (UInt32), count and φ
    /// (UInt64), the number of counters (UInt32), then each counter in heap order: count and
    /// error (UInt64) and the item (UInt32 byte count, UTF-8). Heap order keeps ties between
    /// equal counters, so a decoded sketch evicts exactly as the original would.
    public func serialized() -> [UInt8] {
        let entries = heapOrderedEntries
        var writer = SketchWriter(kind: .spaceSaving, version: Self.formatVersion, capacity: 24 + 24 * entries.count)
        writer.append(UInt32(capacity))
        writer.append(count)
        writer.append(maximumError)
        writer.append(UInt32(entries.count))
        for entry in entries {
            writer.append(entry.count)
            writer.append(entry.error)
            writer.append(entry.item)
        }
        return writer.finish()
    }

    /// Decodes ``serialized()``, checking the space-saving invariants.
    public init(serialized bytes: [UInt8]) throws(SketchError) {
        var reader = try SketchReader(bytes, kind: .spaceSaving, version: Self.formatVersion)
        let capacity = Int(try reader.readUInt32())
        let count = try reader.readCount()
        let maximumError = try reader.readCount()
        let entryCount = Int(try reader.readUInt32())
        guard capacity >= 1, entryCount <= capacity else {
            throw .corrupt("\(entryCount) counters, capacity \(capacity)")
        }
        try reader.reserve(entryCount, bytesEach: 20)
        var entries: [(item: String, count: Int, error: Int)] = []
        var seen: Set<String> = []
        for _ in 0..<entryCount {
            let itemCount = try reader.readCount()
            let error = try reader.readCount()
            let item = try reader.readString()
            guard seen.insert(item).inserted else { throw .corrupt("the item \"\(item)\" appears twice") }
            guard error <= maximumError, itemCount >= maximumError, itemCount - error >= 0 else {
                throw .corrupt("the counter of \"\(item)\" breaks error ≤ φ ≤ count")
            }
            entries.append((item, itemCount, error))
        }
        try reader.finish()
        guard entries.indices.dropFirst().allSatisfy({ entries[($0 - 1) / 2].count <= entries[$0].count }) else {
            throw .corrupt("the counters are not in heap order")
        }
        let (product, overflow) = (capacity - entryCount).multipliedReportingOverflow(by: maximumError)
        let total = entries.reduce(0) { $0 &+ $1.count }
        guard !overflow, total >= 0, total <= count - product else {
            throw .corrupt("the counters exceed what \(count) values allow")
        }
        self.init(capacity: capacity, count: count, maximumError: maximumError, entries: entries)
    }
}
