import DriftWatchCore

/// The reference baselines of many series, looked up by ``SeriesKey``.
///
/// A lookup tries the exact series first, then the same series for all versions (empty version),
/// then for all traffic (empty segment), then both; so one baseline per model and metric serves
/// every version and segment unless a more specific one is given.
///
/// ```swift
/// var baselines = ReferenceBaselines()
/// baselines[SeriesKey(modelID: "fraud", metric: "accuracy")] = ReferenceBaseline(mean: 0.92)
/// ```
public struct ReferenceBaselines: Sendable, Hashable {
    /// The baselines given, by series.
    public var baselines: [SeriesKey: ReferenceBaseline]

    /// Creates a set of baselines.
    public init(_ baselines: [SeriesKey: ReferenceBaseline] = [:]) {
        self.baselines = baselines
    }

    /// The baseline stored for exactly this series.
    public subscript(key: SeriesKey) -> ReferenceBaseline? {
        get { baselines[key] }
        set { baselines[key] = newValue }
    }

    /// The baseline for a series, falling back to all versions and then all traffic.
    public func baseline(for key: SeriesKey) -> ReferenceBaseline? {
        if let exact = baselines[key] { return exact }
        var allVersions = key
        allVersions.modelVersion = ""
        if let found = baselines[allVersions] { return found }
        var allTraffic = key
        allTraffic.segment = ""
        if let found = baselines[allTraffic] { return found }
        allVersions.segment = ""
        return baselines[allVersions]
    }
}
