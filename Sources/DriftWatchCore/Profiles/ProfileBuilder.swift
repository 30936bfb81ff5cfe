import Foundation

/// Turns newly stored events into profile increments: each event adds to its model's
/// all-traffic profile and to one profile per segment tag, at every resolution, under its
/// version. The store merges the increments into what it holds.
public enum ProfileBuilder {
    /// The segment value that stands for all of a model's traffic.
    public static let allTraffic = ""

    /// Increments for `events`, keyed by bucket.
    ///
    /// Events of one model, version, set of segment tags and minute fall in the same buckets at
    /// every resolution: each is added once, to its group's profile, and each group's profile
    /// is merged into its buckets (a lone event is added to them directly). Live traffic,
    /// stamped close to its arrival, falls in a few groups per pass; adding every event to each
    /// of its buckets (four resolutions, all traffic and each tag) cost most of a pass.
    public static func increments(for events: [ProfiledEvent]) -> [ProfileKey: TrafficProfile] {
        // Groups in the order they first appear, so that equal batches give equal sketches;
        // one hash of the group per event.
        var slots: [EventGroup: Int] = [:]
        var groups: [(first: ProfiledEvent, profile: TrafficProfile?)] = []
        for event in events {
            let group = EventGroup(event)
            guard let slot = slots[group] else {
                slots[group] = groups.count
                groups.append((event, nil))
                continue
            }
            if groups[slot].profile == nil {
                var profile = TrafficProfile()
                profile.add(groups[slot].first)
                groups[slot].profile = profile
            }
            groups[slot].profile!.add(event)
        }
        // Minute buckets first, then each coarser bucket from the minutes in it: a bucket fed by
        // one minute (live traffic, one pass a second) takes that minute's profile as it is, and
        // a bucket's first part is taken rather than merged into an empty profile. Merging each
        // group into all of its buckets made a pass of live traffic cost as much as its events.
        var minutes: [ProfileKey: TrafficProfile] = [:]
        var minuteKeys: [ProfileKey] = []
        for (first, profile) in groups {
            for key in bucketKeys(of: first, at: [.minute]) {
                if minutes[key] == nil { minuteKeys.append(key) }
                if let profile {
                    take(profile, into: &minutes, at: key)
                } else {
                    minutes[key, default: TrafficProfile()].add(first)
                }
            }
        }
        var increments = minutes
        for resolution in ProfileResolution.allCases where resolution != .minute {
            for minuteKey in minuteKeys {
                var key = minuteKey
                key.resolution = resolution
                key.bucketStart = resolution.bucketStart(of: minuteKey.bucketStart)
                take(minutes[minuteKey]!, into: &increments, at: key)
            }
        }
        return increments
    }

    /// Merges `profile` into `increments[key]`, or stores it there when the key has none yet.
    private static func take(
        _ profile: TrafficProfile, into increments: inout [ProfileKey: TrafficProfile], at key: ProfileKey
    ) {
        if increments[key]?.merge(profile) == nil { increments[key] = profile }
    }

    /// Events that share every bucket: one model, version, set of segment tags and minute.
    private struct EventGroup: Hashable {
        var modelID: String
        var modelVersion: String
        var segments: [String: String]
        var minute: Date

        init(_ event: ProfiledEvent) {
            modelID = event.modelID
            modelVersion = event.modelVersion
            segments = event.segments
            minute = ProfileResolution.minute.bucketStart(of: event.timestamp)
        }
    }

    /// Adds label changes to `increments`: each labelled prediction counts in the buckets of
    /// its prediction (every resolution, all traffic and each segment tag), less the value
    /// counted before for a corrected label.
    public static func addLabels(_ changes: [LabelChange], to increments: inout [ProfileKey: TrafficProfile]) {
        for change in changes {
            let added = change.label.pair.labeledPrediction
            let removed = change.counted?.labeledPrediction
            for key in bucketKeys(of: change.event) {
                if let removed { increments[key, default: TrafficProfile()].labeled.add(removed, weight: -1) }
                increments[key, default: TrafficProfile()].labeled.add(added)
            }
        }
    }

    /// The buckets an event counts in at `resolutions` (by default every one): all traffic and
    /// each segment tag (`key:value`), under its model and version.
    private static func bucketKeys(
        of event: ProfiledEvent, at resolutions: [ProfileResolution] = ProfileResolution.allCases
    ) -> [ProfileKey] {
        let segments = [allTraffic] + event.segments.map { "\($0.key):\($0.value)" }
        return resolutions.flatMap { resolution in
            let start = resolution.bucketStart(of: event.timestamp)
            return segments.map { segment in
                ProfileKey(
                    modelID: event.modelID, modelVersion: event.modelVersion, segment: segment, resolution: resolution,
                    bucketStart: start)
            }
        }
    }
}
