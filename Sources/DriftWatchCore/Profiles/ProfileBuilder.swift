import Foundation

/// Turns newly stored events into profile increments: each event adds to its model's
/// all-traffic profile and to one profile per segment tag, at every resolution, under its
/// version. The store merges the increments into what it holds.
public enum ProfileBuilder {
    /// The segment value that stands for all of a model's traffic.
    public static let allTraffic = ""

    /// Increments for `events`, keyed by bucket.
    public static func increments(for events: [ProfiledEvent]) -> [ProfileKey: TrafficProfile] {
        var increments: [ProfileKey: TrafficProfile] = [:]
        for event in events {
            for resolution in ProfileResolution.allCases {
                let start = resolution.bucketStart(of: event.timestamp)
                increments[key(event, allTraffic, resolution, start), default: TrafficProfile()].add(event)
                for (name, value) in event.segments {
                    increments[key(event, "\(name):\(value)", resolution, start), default: TrafficProfile()]
                        .add(event)
                }
            }
        }
        return increments
    }

    /// Adds label changes to `increments`: each labelled prediction counts in the buckets of
    /// its prediction (every resolution, all traffic and each segment tag), less the value
    /// counted before for a corrected label.
    public static func addLabels(_ changes: [LabelChange], to increments: inout [ProfileKey: TrafficProfile]) {
        for change in changes {
            let event = change.event
            let segments = [allTraffic] + event.segments.map { "\($0.key):\($0.value)" }
            let added = change.label.pair.labeledPrediction
            let removed = change.counted?.labeledPrediction
            for resolution in ProfileResolution.allCases {
                let start = resolution.bucketStart(of: event.timestamp)
                for segment in segments {
                    let key = key(event, segment, resolution, start)
                    if let removed { increments[key, default: TrafficProfile()].labeled.add(removed, weight: -1) }
                    increments[key, default: TrafficProfile()].labeled.add(added)
                }
            }
        }
    }

    private static func key(_ event: ProfiledEvent, _ segment: String, _ resolution: ProfileResolution, _ start: Date)
        -> ProfileKey
    {
        ProfileKey(
            modelID: event.modelID, modelVersion: event.modelVersion, segment: segment, resolution: resolution,
            bucketStart: start)
    }
}
