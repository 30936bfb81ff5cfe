extension PerformanceSketch {
    /// The current binary format.
    static let formatVersion: UInt8 = 1

    /// The versioned binary form (``SketchWriter``), with every map in key order so that equal
    /// sketches serialize to equal bytes. Body: pairs, unlabeled, the too-many-labels flag; the
    /// confusion entries (true, predicted, count); the score tallies by class; the multiclass
    /// sums; the regression tally; the delay histogram. Counts are signed 64-bit.
    public func serialized() -> [UInt8] {
        var writer = SketchWriter(kind: .performance, version: Self.formatVersion, capacity: 256)
        writer.signed(pairs)
        writer.signed(unlabeled)
        writer.append(UInt8(tooManyLabels ? 1 : 0))
        let entries = confusion.sorted { $0.key < $1.key }.flatMap { truth, row in
            row.sorted { $0.key < $1.key }.map { (truth, $0.key, $0.value) }
        }
        writer.append(entries.count)
        for (truth, predicted, count) in entries {
            writer.append(truth)
            writer.append(predicted)
            writer.signed(count)
        }
        writer.append(scores.count)
        for (name, tally) in scores.sorted(by: { $0.key < $1.key }) {
            writer.append(name)
            tally.write(into: &writer)
        }
        writer.signed(unnormalizedRows)
        writer.append(truthLogLoss)
        writer.signed(truthLogRows)
        writer.signed(truthWithoutProbability)
        writer.signed(regression.count)
        for value in [
            regression.absoluteErrors, regression.squaredErrors, regression.errors, regression.percentageErrors,
            regression.truthMean, regression.truthM2,
        ] { writer.append(value) }
        writer.signed(regressionSkipped)
        writer.signed(delays.count)
        writer.signed(delays.zero)
        writer.sparse(delays.buckets)
        return writer.finish()
    }

    /// Decodes ``serialized()``.
    public init(serialized bytes: [UInt8]) throws(SketchError) {
        var reader = try SketchReader(bytes, kind: .performance, version: Self.formatVersion)
        self.init()
        pairs = try reader.signed()
        unlabeled = try reader.signed()
        tooManyLabels = try reader.readUInt8() != 0
        let entries = try reader.readCount()
        try reader.reserve(entries, bytesEach: 16)
        for _ in 0..<entries {
            let truth = try reader.readString()
            let predicted = try reader.readString()
            confusion[truth, default: [:]][predicted] = try reader.signed()
        }
        let classes = try reader.readCount()
        try reader.reserve(classes, bytesEach: 4)
        for _ in 0..<classes {
            let name = try reader.readString()
            scores[name] = try ScoreTally(from: &reader)
        }
        unnormalizedRows = try reader.signed()
        truthLogLoss = try reader.readDouble()
        truthLogRows = try reader.signed()
        truthWithoutProbability = try reader.signed()
        regression.count = try reader.signed()
        regression.absoluteErrors = try reader.readDouble()
        regression.squaredErrors = try reader.readDouble()
        regression.errors = try reader.readDouble()
        regression.percentageErrors = try reader.readDouble()
        regression.truthMean = try reader.readDouble()
        regression.truthM2 = try reader.readDouble()
        regressionSkipped = try reader.signed()
        delays.count = try reader.signed()
        delays.zero = try reader.signed()
        delays.buckets = try reader.sparse()
        try reader.finish()
        collectLabels()
    }
}

extension ScoreTally {
    fileprivate func write(into writer: inout SketchWriter) {
        writer.signed(rows)
        writer.signed(positives)
        writer.signed(outside)
        writer.sparse(positiveBins)
        writer.sparse(negativeBins)
        writer.append(logLoss)
        writer.append(brier)
        for bin in 0..<Self.calibrationBins {
            writer.signed(calibrationRows[bin])
            writer.signed(calibrationPositives[bin])
            writer.append(calibrationSums[bin])
        }
    }

    fileprivate init(from reader: inout SketchReader) throws(SketchError) {
        self.init()
        rows = try reader.signed()
        positives = try reader.signed()
        outside = try reader.signed()
        positiveBins = try reader.sparse()
        negativeBins = try reader.sparse()
        guard (positiveBins.keys.max() ?? 0) < Self.bins, (negativeBins.keys.min() ?? 0) >= 0,
            (negativeBins.keys.max() ?? 0) < Self.bins, (positiveBins.keys.min() ?? 0) >= 0
        else { throw .corrupt("a score bin out of range") }
        logLoss = try reader.readDouble()
        brier = try reader.readDouble()
        for bin in 0..<Self.calibrationBins {
            calibrationRows[bin] = try reader.signed()
            calibrationPositives[bin] = try reader.signed()
            calibrationSums[bin] = try reader.readDouble()
        }
    }
}

extension SketchWriter {
    /// A count that may be negative (a correction's increment), as its 64-bit pattern.
    fileprivate mutating func signed(_ value: Int) { append(UInt64(bitPattern: Int64(value))) }

    /// A map of bucket → count, in key order.
    fileprivate mutating func sparse(_ map: [Int: Int]) {
        append(map.count)
        for (key, count) in map.sorted(by: { $0.key < $1.key }) {
            signed(key)
            signed(count)
        }
    }
}

extension SketchReader {
    fileprivate mutating func signed() throws(SketchError) -> Int { Int(Int64(bitPattern: try readUInt64())) }

    fileprivate mutating func sparse() throws(SketchError) -> [Int: Int] {
        let count = try readCount()
        try reserve(count, bytesEach: 16)
        var map: [Int: Int] = [:]
        map.reserveCapacity(count)
        for _ in 0..<count { map[try signed()] = try signed() }
        return map
    }
}
