import DriftWatchCore
import Foundation

extension ModelChecks {
    /// The merged profile of a model's window within `scope`, after profiling any events stored
    /// since the last pass, so that an answer includes every acknowledged event.
    func profile(model id: String, window: TimeWindow, scope: TrafficScope, detail: ProfileDetail = .full)
        async throws -> TrafficProfile
    {
        guard try await models.lookUp(id) != nil else { throw Unavailable.noModel(id) }
        try await Profiler(store: store).catchUp()
        return try await store.windowProfile(
            modelID: id, version: scope.version, segment: scope.segment, from: window.from, to: window.to,
            detail: detail)
    }

    /// Drift of a window's profile against the reference of its scope's version (see
    /// ``reference(model:version:before:)``): the cost grows with the window's buckets, not its
    /// events.
    func profileDrift(model id: String, window: TimeWindow, scope: TrafficScope, options: DriftReportOptions)
        async throws -> (profile: TrafficProfile, reference: ReferenceDataset, report: DriftReport)
    {
        guard let reference = try await reference(model: id, version: scope.version, before: window) else {
            throw Unavailable.noReference(id)
        }
        let profile = try await profile(model: id, window: window, scope: scope)
        return (profile, reference, reference.drift(profile: profile, options: options))
    }

    /// The events a reference built from traffic holds at most (newest first).
    static let referenceSample = 100_000

    /// The reference a window of `version` (nil: all versions) is compared with: the version's
    /// own uploaded (or window-named) reference, else the model-wide one; without either, with a
    /// rolling reference configured, a sample of the same traffic over that length before the
    /// window.
    func reference(model id: String, version: String? = nil, before window: TimeWindow) async throws
        -> ReferenceDataset?
    {
        if let version, let own = try await store.reference(modelID: id, version: version) { return own }
        if let stored = try await store.reference(modelID: id) { return stored }
        guard let rollingReference, let model = try await models.lookUp(id) else { return nil }
        let rows = try await store.features(
            modelID: id, version: version, from: window.from - rollingReference, to: window.from,
            limit: Self.referenceSample)
        guard !rows.isEmpty else { return nil }
        var reference = ReferenceDataset(
            modelID: id, source: "rolling", rows: rows, schema: model.schema, createdAt: window.from)
        reference.modelVersion = version
        return reference
    }

    /// Data quality of a window's profile, against the reference of its scope's version when
    /// there is one (which is handed back too).
    func profileQuality(model id: String, window: TimeWindow, scope: TrafficScope) async throws
        -> (profile: TrafficProfile, reference: ReferenceDataset?, quality: DataQuality)
    {
        let profile = try await profile(model: id, window: window, scope: scope)
        let reference = try await reference(model: id, version: scope.version, before: window)
        return (profile, reference, DataQuality.evaluate(profile: profile, reference: reference))
    }
}
