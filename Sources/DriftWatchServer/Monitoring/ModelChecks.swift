import DriftWatchCore
import Foundation

/// The checks that read a model's stored events over a window: drift against the reference and
/// realized performance from joined labels. Used by the query routes and the scheduled monitor.
struct ModelChecks: Sendable {
    let store: any EventStore
    let models: ModelRegistry
    /// Without an uploaded reference, compare with this much traffic before each window (nil:
    /// no rolling reference).
    var rollingReference: TimeInterval? = nil

    /// The most events one check reads.
    static let maxEvents = 1_000_000

    /// Why a check cannot run for a model.
    enum Unavailable: Error, Equatable {
        case noModel(String)
        case noReference(String)
        case unknownTask(String)

        var message: String {
            switch self {
            case .noModel(let id): "no model \(id)"
            case .noReference(let id): "model \(id) has no reference; POST one to /v1/models/\(id)/reference"
            case .unknownTask(let id):
                "the task of model \(id) is unknown; declare it (POST /v1/models with \"task\": binary, multiclass or regression)"
            }
        }
    }

    /// Drift of the window's events against the model's reference.
    func drift(model id: String, window: TimeWindow, options: DriftReportOptions, limit: Int = maxEvents)
        async throws -> (events: Int, truncated: Bool, report: DriftReport)
    {
        guard let reference = try await store.reference(modelID: id) else { throw Unavailable.noReference(id) }
        let rows = try await store.features(modelID: id, from: window.from, to: window.to, limit: limit)
        let schema = try await models.lookUp(id)?.schema ?? ModelSchema()
        let current = Self.columns(rows, reference: reference, schema: schema)
        return (
            rows.count, rows.count == limit,
            reference.drift(current: current, currentRows: rows.count, options: options)
        )
    }

    /// Data quality of the window's events, against the reference when there is one.
    func quality(model id: String, window: TimeWindow) async throws -> (events: Int, quality: DataQuality) {
        guard let model = try await models.lookUp(id) else { throw Unavailable.noModel(id) }
        let reference = try await store.reference(modelID: id)
        let rows = try await store.features(modelID: id, from: window.from, to: window.to, limit: Self.maxEvents)
        let current = Self.columns(rows, reference: reference, schema: model.schema)
        return (rows.count, DataQuality.evaluate(current: current, reference: reference))
    }

    /// Realized performance of the window's labelled predictions within `scope`, read from the
    /// labelled predictions in its profile buckets: the cost grows with the window's buckets, not
    /// its labels. With `exact`, every labelled prediction of the window (all versions and
    /// segments, at most ``maxEvents``) is read and scored exactly as `driftwatch perf` scores a
    /// file. Throws ``UndefinedStatistic`` when nothing in the window is labelled.
    /// `profile` is the window's profile within `scope` when the caller has read it already
    /// (and with it profiled every stored event).
    func performance(
        model id: String, window: TimeWindow, scope: TrafficScope = .all, positive: String?, exact: Bool = false,
        profile known: TrafficProfile? = nil
    ) async throws -> (window: RealizedPerformance, report: PerformanceReport) {
        guard let model = try await models.lookUp(id) else { throw Unavailable.noModel(id) }
        guard let task = PerformanceTask(rawValue: model.task.rawValue) else { throw Unavailable.unknownTask(id) }
        if exact {
            let pairs = try await store.labeled(modelID: id, from: window.from, to: window.to, limit: Self.maxEvents)
            let count = try await profile(model: id, window: window, scope: .all, detail: .summary).count
            let labeled = LabeledWindow(inferences: count, pairs: pairs)
            let report = try PerformanceReport.compute(
                labeled.inputs(task: task, positive: positive), options: PerformanceReport.Options(positive: positive))
            return (
                RealizedPerformance(
                    inferences: count, labeled: pairs.count, labelDelay: labeled.labelDelay, source: "events"),
                report
            )
        }
        let inferences: Int
        if let known {
            inferences = known.count
        } else {
            inferences = try await profile(model: id, window: window, scope: scope, detail: .summary).count
        }
        let sketch = try await store.windowProfile(
            modelID: id, version: scope.version, segment: scope.segment, from: window.from, to: window.to,
            detail: .labels
        ).labeled
        let realized = RealizedPerformance(
            inferences: inferences, labeled: sketch.pairs, labelDelay: sketch.labelDelay, source: "profiles")
        return (realized, try PerformanceReport.compute(sketch: sketch, task: task, positive: positive))
    }

    /// The window's feature columns, typed like the reference's columns where they share a name,
    /// else as the model's schema says.
    static func columns(_ rows: [[String: FeatureValue]], reference: ReferenceDataset?, schema: ModelSchema)
        -> [ReferenceDataset.Column]
    {
        let referenceTypes = Dictionary(
            (reference?.columns ?? []).map { ($0.name, $0.kind == .numeric ? FeatureType.numeric : .categorical) }
        ) { first, _ in first }
        return FeatureSample.columns(rows) { referenceTypes[$0] ?? schema.features[$0] }
    }
}

/// How many of a window's predictions have labels, and how late the labels came.
struct RealizedPerformance: Sendable {
    /// Inferences in the window, labelled or not.
    var inferences: Int
    /// The labelled ones.
    var labeled: Int
    /// Label delay quantiles; nil when none has a known delay.
    var labelDelay: LabeledWindow.LabelDelay?
    /// `profiles` (the labelled predictions in the window's profile buckets) or `events` (every
    /// labelled prediction read and scored exactly).
    var source: String

    /// The share of inferences with a label; nil without inferences.
    var coverage: Double? { inferences == 0 ? nil : Double(labeled) / Double(inferences) }
}
