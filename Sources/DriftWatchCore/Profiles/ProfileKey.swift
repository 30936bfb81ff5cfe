import Foundation

/// How long a profile's time bucket is, finest first.
public enum ProfileResolution: String, Sendable, Hashable, CaseIterable, Codable {
    case minute
    /// Ten minutes, so that a window's edges need at most nine minute buckets each.
    case tenMinutes = "ten_minutes"
    case hour
    case day

    /// The bucket length in seconds.
    public var seconds: Int64 {
        switch self {
        case .minute: 60
        case .tenMinutes: 600
        case .hour: 3_600
        case .day: 86_400
        }
    }

    /// The start of the bucket holding `date` (buckets are aligned to the Unix epoch, so days
    /// run from 00:00 UTC).
    public func bucketStart(of date: Date) -> Date {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let length = seconds * 1000
        let floored =
            milliseconds >= 0 ? milliseconds / length * length : -((-milliseconds + length - 1) / length * length)
        return Date(timeIntervalSince1970: Double(floored) / 1000)
    }
}

/// Which traffic a profile describes: a model, a version (empty for events without one) and a
/// segment (`key:value`, or empty for all of the model's traffic), in one time bucket.
public struct ProfileKey: Sendable, Hashable, Comparable {
    public var modelID: String
    public var modelVersion: String
    public var segment: String
    public var resolution: ProfileResolution
    public var bucketStart: Date

    /// Creates a key.
    public init(
        modelID: String, modelVersion: String, segment: String, resolution: ProfileResolution, bucketStart: Date
    ) {
        self.modelID = modelID
        self.modelVersion = modelVersion
        self.segment = segment
        self.resolution = resolution
        self.bucketStart = bucketStart
    }

    public static func < (a: ProfileKey, b: ProfileKey) -> Bool {
        (a.modelID, a.modelVersion, a.segment, a.resolution.seconds, a.bucketStart)
            < (b.modelID, b.modelVersion, b.segment, b.resolution.seconds, b.bucketStart)
    }
}

/// A stored profile with its key.
public struct ProfileBucket: Sendable, Equatable {
    public var key: ProfileKey
    public var profile: TrafficProfile

    /// Creates a bucket.
    public init(key: ProfileKey, profile: TrafficProfile) {
        self.key = key
        self.profile = profile
    }
}
