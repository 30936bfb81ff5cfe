import DriftWatchCore
import DriftWatchSQLite
import Foundation

/// A test store in front of a real SQLite store: every profile-store call goes to `backing`
/// unless the store implements it itself (to gate or record it).
protocol ForwardingProfileStore: ProfileStore {
    var backing: SQLiteEventStore { get }
}

extension ForwardingProfileStore {
    func profilePosition() async throws -> ProfilePosition { try await backing.profilePosition() }
    func storedPosition() async throws -> ProfilePosition { try await backing.storedPosition() }
    func eventsToProfile(after position: Int64, limit: Int) async throws -> [ProfiledEvent] {
        try await backing.eventsToProfile(after: position, limit: limit)
    }
    func labelsToProfile(after position: Int64, events: Int64, limit: Int) async throws -> LabelChanges {
        try await backing.labelsToProfile(after: position, events: events, limit: limit)
    }
    func mergeProfiles(
        _ increments: [ProfileKey: TrafficProfile], after start: ProfilePosition, through position: ProfilePosition,
        counted: [CountedLabel]
    ) async throws -> Bool {
        try await backing.mergeProfiles(increments, after: start, through: position, counted: counted)
    }
    func profiles(
        modelID: String, version: String?, segment: String?, resolution: ProfileResolution, from: Date, to: Date,
        detail: ProfileDetail
    ) async throws -> [ProfileBucket] {
        try await backing.profiles(
            modelID: modelID, version: version, segment: segment, resolution: resolution, from: from, to: to,
            detail: detail)
    }
    func hasMinuteProfiles(modelID: String, from: Date, to: Date) async throws -> Bool {
        try await backing.hasMinuteProfiles(modelID: modelID, from: from, to: to)
    }
    func modelVersions(modelID: String) async throws -> [String] { try await backing.modelVersions(modelID: modelID) }
    func deleteAllProfiles() async throws { try await backing.deleteAllProfiles() }
    func deleteEvents(before date: Date, limit: Int) async throws -> Int {
        try await backing.deleteEvents(before: date, limit: limit)
    }
    func deleteProfiles(resolution: ProfileResolution, before date: Date, limit: Int) async throws -> Int {
        try await backing.deleteProfiles(resolution: resolution, before: date, limit: limit)
    }
    func dailyMetrics(modelID: String, from: Date, to: Date) async throws -> [DailyMetrics] {
        try await backing.dailyMetrics(modelID: modelID, from: from, to: to)
    }
    func saveDailyPerformance(
        modelID: String, day: Date, labelCoverage: Double?, metric: String?, value: Double?
    ) async throws {
        try await backing.saveDailyPerformance(
            modelID: modelID, day: day, labelCoverage: labelCoverage, metric: metric, value: value)
    }
}
