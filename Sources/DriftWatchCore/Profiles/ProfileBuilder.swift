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
        var increments: [ProfileKey: TrafficProfile] = [:]
        for (first, profile) in groups {
            for key in bucketKeys(of: first) {
                if let profile {
                    increments[key, default: TrafficProfile()].merge(profile)
                } else {
                    increments[key, default: TrafficProfile()].add(first)
                }
            }
        }
        return increments
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

    /// Every bucket an event counts in: each resolution, for all traffic and each segment tag,
    /// under its model and version.
    private static func bucketKeys(of event: ProfiledEvent) -> [ProfileKey] {
        let segments = [allTraffic] + event.segments.map { "\($0.key):\($0.value)" }
        return ProfileResolution.allCases.flatMap { resolution in
            let start = resolution.bucketStart(of: event.timestamp)
            return segments.map { segment in
                ProfileKey(
                    modelID: event.modelID, modelVersion: event.modelVersion, segment: segment, resolution: resolution,
                    bucketStart: start)
            }
        }
    }
}
