import Foundation

extension ProfileStore {
    /// The buckets to read for a window: ``ProfileWindowPlan``, with its end read as coarse as
    /// nothing stored after the window allows (``ProfileWindowPlan/closing(at:)``): the hour
    /// that its last spans start, else the ten minutes that its last minutes start. Events
    /// stored between this check and the read, timestamped after the window's end in the same
    /// bucket, are counted; only a window that ends in the present can see those, and they are
    /// at most as late as the read.
    public func windowPlan(modelID: String, from: Date, to: Date) async throws -> ProfileWindowPlan {
        let plan = ProfileWindowPlan(from: from, to: to)
        // Where stored traffic was found after the window: a closing reaching that far has it too.
        var storedBefore: Date?
        for resolution in ProfileWindowPlan.closingResolutions {
            guard let closing = plan.closing(at: resolution) else { continue }
            if let storedBefore, closing.to >= storedBefore { continue }
            if try await !hasMinuteProfiles(modelID: modelID, from: plan.to, to: closing.to) {
                return plan.closing(with: closing)
            }
            storedBefore = closing.to
        }
        return plan
    }

    /// The merged profile of a window (widened to whole minutes), read from as few buckets as
    /// ``windowPlan(modelID:from:to:)`` allows. `segment` is `key:value` or
    /// ``ProfileBuilder/allTraffic``.
    public func windowProfile(
        modelID: String, version: String?, segment: String, from: Date, to: Date, detail: ProfileDetail = .full
    ) async throws -> TrafficProfile {
        var buckets: [TrafficProfile] = []
        for span in try await windowPlan(modelID: modelID, from: from, to: to).spans {
            buckets += try await profiles(
                modelID: modelID, version: version, segment: segment, resolution: span.resolution, from: span.from,
                to: span.to, detail: detail
            ).map(\.profile)
        }
        return TrafficProfile.merged(buckets)
    }

    /// One merged profile per segment value seen in the window, by `key:value`.
    public func segmentProfiles(
        modelID: String, version: String?, from: Date, to: Date, detail: ProfileDetail = .summary
    ) async throws -> [String: TrafficProfile] {
        var merged: [String: TrafficProfile] = [:]
        for span in try await windowPlan(modelID: modelID, from: from, to: to).spans {
            for bucket in try await profiles(
                modelID: modelID, version: version, segment: nil, resolution: span.resolution, from: span.from,
                to: span.to, detail: detail)
            {
                merged[bucket.key.segment, default: TrafficProfile()].merge(bucket.profile)
            }
        }
        return merged
    }

    /// Per-bucket profiles at `resolution` (versions merged), for time series: one entry per
    /// bucket start that has traffic, oldest first.
    public func profileSeries(
        modelID: String, version: String?, segment: String, resolution: ProfileResolution, from: Date, to: Date,
        detail: ProfileDetail = .summary
    ) async throws -> [(start: Date, profile: TrafficProfile)] {
        var byStart: [Date: TrafficProfile] = [:]
        let first = resolution.bucketStart(of: from)
        for bucket in try await profiles(
            modelID: modelID, version: version, segment: segment, resolution: resolution, from: first, to: to,
            detail: detail)
        {
            byStart[bucket.key.bucketStart, default: TrafficProfile()].merge(bucket.profile)
        }
        return byStart.keys.sorted().map { ($0, byStart[$0]!) }
    }
}
