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

    /// Realized performance of the window's labelled predictions, scored as `driftwatch perf` scores.
    /// `inferences` is the window's count when the caller has read it already.
    func performance(model id: String, window: TimeWindow, positive: String?, inferences: Int? = nil) async throws
        -> (window: LabeledWindow, report: PerformanceReport)
    {
        guard let model = try await models.lookUp(id) else { throw Unavailable.noModel(id) }
        guard let task = PerformanceTask(rawValue: model.task.rawValue) else { throw Unavailable.unknownTask(id) }
        let pairs = try await store.labeled(modelID: id, from: window.from, to: window.to, limit: Self.maxEvents)
        let count: Int
        if let inferences {
            count = inferences
        } else {
            count = try await profile(model: id, window: window, scope: .all, detail: .summary).count
        }
        let labeled = LabeledWindow(inferences: count, pairs: pairs)
        let report = try PerformanceReport.compute(
            labeled.inputs(task: task, positive: positive), options: PerformanceReport.Options(positive: positive))
        return (labeled, report)
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
