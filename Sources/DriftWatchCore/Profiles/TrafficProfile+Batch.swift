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
            for bytes in stored { profiles.append(try TrafficProfile(serialized: bytes, detail: detail)) }
            return profiles
        }
        let results = ParallelMap.map(stored) { bytes in
            Result { () throws(SketchError) in try TrafficProfile(serialized: bytes, detail: detail) }
        }
        var profiles: [TrafficProfile] = []
        profiles.reserveCapacity(results.count)
        for result in results { profiles.append(try result.get()) }
        return profiles
    }
}
