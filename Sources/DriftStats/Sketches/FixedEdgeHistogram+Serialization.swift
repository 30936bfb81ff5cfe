extension FixedEdgeHistogram {
    /// The current binary format.
    static let formatVersion: UInt8 = 1

    /// The versioned binary form (``SketchWriter``). Body: the number of edges (UInt32), the
    /// edges (Double), the bin counts, then below, above and missing (UInt64).
    public func serialized() -> [UInt8] {
        var writer = SketchWriter(
            kind: .fixedEdgeHistogram, version: Self.formatVersion, capacity: 28 + 16 * edges.count)
        writer.append(UInt32(edges.count))
        writer.append(contentsOf: edges)
        for count in counts { writer.append(count) }
        writer.append(below)
        writer.append(above)
        writer.append(missing)
        return writer.finish()
    }

    /// Decodes ``serialized()``.
    public init(serialized bytes: [UInt8]) throws(SketchError) {
        var reader = try SketchReader(bytes, kind: .fixedEdgeHistogram, version: Self.formatVersion)
        let edgeCount = Int(try reader.readUInt32())
        let edges = try reader.readDoubles(edgeCount)
        guard Self.isValid(edges) else { throw .corrupt("the edges are not finite and strictly increasing") }
        try reader.reserve(edgeCount - 1, bytesEach: 8)
        var counts: [Int] = []
        for _ in 1..<edgeCount { counts.append(try reader.readCount()) }
        let below = try reader.readCount()
        let above = try reader.readCount()
        let missing = try reader.readCount()
        try reader.finish()
        self.init(edges: edges, counts: counts, below: below, above: above, missing: missing)
    }
}
