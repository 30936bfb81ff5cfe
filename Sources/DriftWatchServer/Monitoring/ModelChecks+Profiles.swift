import DriftWatchCore
import Foundation

extension ModelChecks {
    /// The merged profile of a model's window within `scope`, after profiling any events stored
    /// since the last pass, so that an answer includes every acknowledged event.
    func profile(model id: String, window: TimeWindow, scope: TrafficScope) async throws -> TrafficProfile {
        guard try await models.lookUp(id) != nil else { throw Unavailable.noModel(id) }
        try await Profiler(store: store).catchUp()
        return try await store.windowProfile(
            modelID: id, version: scope.version, segment: scope.segment, from: window.from, to: window.to)
    }

    /// Drift of a window's profile against the model's reference: the cost grows with the
    /// window's buckets, not its events.
    func profileDrift(model id: String, window: TimeWindow, scope: TrafficScope, options: DriftReportOptions)
        async throws -> (profile: TrafficProfile, report: DriftReport)
    {
        guard let reference = try await store.reference(modelID: id) else { throw Unavailable.noReference(id) }
        let profile = try await profile(model: id, window: window, scope: scope)
        return (profile, reference.drift(profile: profile, options: options))
    }

    /// Data quality of a window's profile, against the reference when there is one.
    func profileQuality(model id: String, window: TimeWindow, scope: TrafficScope) async throws
        -> (profile: TrafficProfile, quality: DataQuality)
    {
        let profile = try await profile(model: id, window: window, scope: scope)
        let reference = try await store.reference(modelID: id)
        return (profile, DataQuality.evaluate(profile: profile, reference: reference))
    }
}
