import DriftStats

extension TrafficProfile {
    /// Profiles decoded at once: window reads decode hundreds of stored rows per request, so
    /// that many are decoded on all cores, in order. The first error is thrown.
    public static func decode(_ stored: [[UInt8]], detail: ProfileDetail) throws(SketchError) -> [TrafficProfile] {
        /// Below this, spreading the work costs more than it saves.
        let parallelFrom = 32
        if stored.count < parallelFrom {
            var profiles: [TrafficProfile] = []
            profiles.reserveCapacity(stored.count)
            for bytes in stored { profiles.append(try TrafficProfile(stored: bytes, detail: detail)) }
            return profiles
        }
        let results = ParallelMap.map(stored) { bytes in
            Result { () throws(SketchError) in try TrafficProfile(stored: bytes, detail: detail) }
        }
        var profiles: [TrafficProfile] = []
        profiles.reserveCapacity(results.count)
        for result in results { profiles.append(try result.get()) }
        return profiles
    }
}

extension TrafficProfile {
    /// A stored row of `detail`: a profile (``init(serialized:detail:)``), or with
    /// ``ProfileDetail/labels`` a ``PerformanceSketch`` as the profile's only content.
    init(stored bytes: [UInt8], detail: ProfileDetail) throws(SketchError) {
        if detail == .labels {
            self.init()
            labeled = try PerformanceSketch(serialized: bytes)
        } else {
            try self.init(serialized: bytes, detail: detail)
        }
    }
}

extension TrafficProfile {
    /// The stored labelled predictions (``ProfileDetail/labels``; nil: none yet) with those of
    /// `increment` added.
    public static func mergedLabels(stored: [UInt8]?, increment: TrafficProfile) throws(SketchError) -> [UInt8] {
        guard let stored else { return increment.labeled.serialized() }
        var sketch = try PerformanceSketch(serialized: stored)
        sketch.merge(increment.labeled)
        return sketch.serialized()
    }
}

extension TrafficProfile {
    /// Chunks a long merge is split into (a constant, so that the result does not depend on
    /// the machine's cores).
    static let mergeChunks = 4

    /// The merge of `profiles` in order. Window reads merge tens of full profiles, each with a
    /// quantile sketch per feature; from 16 on, consecutive chunks are merged on all cores and
    /// the chunks' merges then in order.
    public static func merged(_ profiles: [TrafficProfile]) -> TrafficProfile {
        guard profiles.count >= 16 else { return mergedInOrder(profiles[...]) }
        let size = (profiles.count + mergeChunks - 1) / mergeChunks
        let chunks = stride(from: 0, to: profiles.count, by: size).map {
            profiles[$0..<min($0 + size, profiles.count)]
        }
        return mergedInOrder(ParallelMap.map(chunks) { mergedInOrder($0) }[...])
    }

    private static func mergedInOrder(_ profiles: ArraySlice<TrafficProfile>) -> TrafficProfile {
        var merged = TrafficProfile()
        for profile in profiles { merged.merge(profile) }
        return merged
    }
}
