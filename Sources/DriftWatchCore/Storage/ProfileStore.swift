import Foundation

/// The part of the storage port that keeps profiles: per-bucket sketches derived from the raw
/// events, the position up to which they are complete, and expiry of old data.
///
/// Profiles trail the events: ``Profiler`` reads events stored after ``profiledThrough()`` and
/// merges their increments together with the new position in one transaction, so that a crash
/// between storing events and profiling them is repaired by the next pass, and no event is
/// profiled twice.
public protocol ProfileStore: Sendable {
    /// The last event and the last label change included in the profiles (0 before any).
    func profilePosition() async throws -> ProfilePosition

    /// The last event and the last label change stored (0 before any): the profiles are
    /// complete when ``profilePosition()`` has reached it.
    func storedPosition() async throws -> ProfilePosition

    /// Events stored after `position`, in insertion order, at most `limit`, each with its label
    /// when one is stored.
    func eventsToProfile(after position: Int64, limit: Int) async throws -> [ProfiledEvent]

    /// Labels stored or corrected after the label sequence `position`, in sequence order, at
    /// most `limit`; the changes list those whose prediction is at or before the event position
    /// `events` (later predictions count their label when they are profiled).
    func labelsToProfile(after position: Int64, events: Int64, limit: Int) async throws -> LabelChanges

    /// Merges `increments` (of the events and label changes after `start` up to `position`)
    /// into the stored profiles, records `counted` with their labels, refreshes the daily
    /// metrics of the days they touch, and records `position`, in one transaction — only if the
    /// recorded position is still `start`; otherwise another profiler merged these first,
    /// nothing is written and the answer is false.
    func mergeProfiles(
        _ increments: [ProfileKey: TrafficProfile], after start: ProfilePosition, through position: ProfilePosition,
        counted: [CountedLabel]
    ) async throws -> Bool

    /// Profiles of a model at `resolution` with bucket starts in `from ..< to`, oldest first.
    /// `version` nil means every version; `segment` nil means every segment value (not the
    /// all-traffic profiles, whose segment is ``ProfileBuilder/allTraffic``).
    /// `detail` ``ProfileDetail/summary`` skips reading the features' quantile and category
    /// sketches, for reads that need only counts, latency and moments.
    func profiles(
        modelID: String, version: String?, segment: String?, resolution: ProfileResolution, from: Date, to: Date,
        detail: ProfileDetail
    ) async throws -> [ProfileBucket]

    /// The named versions of a model that have profiled traffic, in order (events without a
    /// version are not listed).
    func modelVersions(modelID: String) async throws -> [String]

    /// Whether the model has any profiled traffic (any version) in minute buckets starting in
    /// `from ..< to`.
    func hasMinuteProfiles(modelID: String, from: Date, to: Date) async throws -> Bool

    /// Deletes every profile and daily metric, forgets which labels were counted, and resets
    /// the position to 0, for a rebuild.
    func deleteAllProfiles() async throws

    /// Deletes up to `limit` events (and labels) with `ts` before `date` that are already
    /// profiled (labels: already counted or passed); returns how many events were deleted.
    func deleteEvents(before date: Date, limit: Int) async throws -> Int

    /// Deletes up to `limit` profiles of `resolution` with bucket starts before `date`.
    func deleteProfiles(resolution: ProfileResolution, before date: Date, limit: Int) async throws -> Int

    /// The daily metrics of a model with `from ≤ day < to`, oldest first.
    func dailyMetrics(modelID: String, from: Date, to: Date) async throws -> [DailyMetrics]

    /// Records the label coverage and headline performance of a model's day.
    func saveDailyPerformance(
        modelID: String, day: Date, labelCoverage: Double?, metric: String?, value: Double?
    ) async throws
}

extension ProfileStore {
    /// The insertion position of the last event included in the profiles (0 before any).
    public func profiledThrough() async throws -> Int64 { try await profilePosition().events }

    /// Fully decoded profiles (see ``profiles(modelID:version:segment:resolution:from:to:detail:)``).
    public func profiles(
        modelID: String, version: String?, segment: String?, resolution: ProfileResolution, from: Date, to: Date
    ) async throws -> [ProfileBucket] {
        try await profiles(
            modelID: modelID, version: version, segment: segment, resolution: resolution, from: from, to: to,
            detail: .full)
    }
}

/// How much of a stored profile to decode.
public enum ProfileDetail: Sendable, Hashable {
    /// Everything.
    case full
    /// Counts, errors, latency, and the prediction's and each feature's moments and missing
    /// values; their quantile and category sketches stay empty. Stores keep this form apart,
    /// so that reading it does not load the sketches.
    case summary
    /// Only the labelled predictions (``TrafficProfile/labeled``); everything else stays empty.
    /// Stores keep them apart, so that a late label rewrites only this small part of its
    /// prediction's buckets.
    case labels
}

/// One model's day, as the `daily_metrics` table holds it for SQL tools.
public struct DailyMetrics: Sendable, Hashable {
    public var modelID: String
    /// 00:00 UTC of the day.
    public var day: Date
    public var inferences: Int
    public var errors: Int
    public var latencyP50: Double?
    public var latencyP95: Double?
    public var latencyP99: Double?
    public var labelCoverage: Double?
    /// The headline performance metric's name (`accuracy`, `rmse`, …) and value.
    public var headlineMetric: String?
    public var headlineValue: Double?

    /// Creates a day's metrics.
    public init(
        modelID: String, day: Date, inferences: Int, errors: Int, latencyP50: Double? = nil,
        latencyP95: Double? = nil, latencyP99: Double? = nil, labelCoverage: Double? = nil,
        headlineMetric: String? = nil, headlineValue: Double? = nil
    ) {
        self.modelID = modelID
        self.day = day
        self.inferences = inferences
        self.errors = errors
        self.latencyP50 = latencyP50
        self.latencyP95 = latencyP95
        self.latencyP99 = latencyP99
        self.labelCoverage = labelCoverage
        self.headlineMetric = headlineMetric
        self.headlineValue = headlineValue
    }

    /// Errors per inference; nil without inferences.
    public var errorRate: Double? { inferences == 0 ? nil : Double(errors) / Double(inferences) }
}
