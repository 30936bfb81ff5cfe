import Foundation

/// The storage port: where events and labels are kept. Adapters (SQLite, PostgreSQL) implement it;
/// nothing above an adapter writes SQL.
///
/// Every write returns only after the data is durable (committed), so the caller may
/// acknowledge it. Writes are idempotent on (model id, request id).
public protocol EventStore: ProfileStore {
    /// Applies pending schema migrations, in order.
    func migrate() async throws

    /// Stores inferences in one transaction; returns, per event, whether it was new (`true`) or
    /// a duplicate of one already stored (`false`). The schema violations of new events are
    /// counted in the same transaction (see ``schemaViolationCounts(modelID:)``).
    func insert(_ events: [InferenceEvent]) async throws -> [Bool]

    /// Encodes inferences for ``insert(prepared:)``, without touching the database. Writers that
    /// commit for many callers together (``GroupCommitWriter``) have each caller prepare its own
    /// events, in parallel, so that the one commit loop spends its time in the transaction.
    func prepare(_ events: [InferenceEvent]) throws -> PreparedInferences

    /// ``insert(_:)`` of batches from ``prepare(_:)`` of this store, in order, in one
    /// transaction; per event of each batch in turn, whether it was new.
    func insert(prepared batches: [PreparedInferences]) async throws -> [Bool]

    /// Stores labels in one transaction; a later label for the same request replaces the earlier.
    func insert(_ labels: [LabelEvent]) async throws

    /// The inference with its label, if any.
    func event(modelID: String, requestID: String) async throws -> StoredEvent?

    /// How many inferences are stored for `modelID` (all models when nil).
    func inferenceCount(modelID: String?) async throws -> Int

    /// Creates or replaces a model's definition (keeping its creation time).
    func save(_ model: ModelDefinition) async throws

    /// Creates a model's definition unless one exists; returns the stored definition.
    func saveIfAbsent(_ model: ModelDefinition) async throws -> ModelDefinition

    /// Every model, by id.
    func models() async throws -> [ModelDefinition]

    /// One model, or nil.
    func model(id: String) async throws -> ModelDefinition?

    /// How many stored events broke the model's schema, per field and kind. Counted in the
    /// transaction that stores the events, for new events only (not duplicates).
    func schemaViolationCounts(modelID: String) async throws -> [SchemaViolationCount]

    /// How much the model has been used.
    func activity(modelID: String) async throws -> ModelActivity

    /// Replaces the reference of the dataset's model and version (``ReferenceDataset/modelVersion``;
    /// nil: the model-wide reference).
    func save(_ reference: ReferenceDataset) async throws

    /// The reference of the model's `version` exactly (nil: the model-wide one), or nil.
    func reference(modelID: String, version: String?) async throws -> ReferenceDataset?

    /// The versions of the model that have a reference of their own, sorted.
    func referenceVersions(modelID: String) async throws -> [String]

    /// Deletes the reference of the model's `version` (nil: the model-wide one); false when there
    /// was none.
    func deleteReference(modelID: String, version: String?) async throws -> Bool

    /// The features of the model's inferences with `from ≤ ts < to` (of `version` only, when
    /// given), newest first, at most `limit` of them.
    func features(modelID: String, version: String?, from: Date, to: Date, limit: Int) async throws
        -> [[String: FeatureValue]]

    /// The model's newest inferences with `from ≤ ts < to` (newest first, at most `limit`),
    /// for samples such as a scatter plot of predictions against a feature.
    func recentEvents(modelID: String, from: Date, to: Date, limit: Int) async throws -> [InferenceEvent]

    /// The model's inferences with `from ≤ ts < to` that have a label, joined with it (newest
    /// first, at most `limit`). The work grows with the model's labels, not its inferences (the
    /// window's inferences are counted from its profile).
    func labeled(modelID: String, from: Date, to: Date, limit: Int) async throws -> [LabeledWindow.Pair]

    /// Stores monitor results; a result for the same (model, metric, feature, window end) replaces
    /// the earlier one.
    func save(_ results: [MonitorResult]) async throws

    /// The model's stored results of `metric` (and `feature`, when given) with window ends in
    /// `from ≤ end < to`, oldest first.
    func results(
        modelID: String, version: String, segment: String, metric: String, feature: String?, from: Date, to: Date
    ) async throws -> [MonitorResult]

    /// Statistics of each series' stored values with window ends in `from ≤ end < to` (nil for a
    /// series without any), in the order asked, read together.
    func resultStatistics(of series: [SeriesKey], from: Date, to: Date) async throws -> [ResultStatistics?]
}

/// Inferences encoded by a store's ``EventStore/prepare(_:)``: only that store reads what is
/// inside.
public struct PreparedInferences: Sendable {
    /// How many inferences.
    public let count: Int
    /// The store's own encoding.
    public let encoded: any Sendable

    /// Wraps a store's encoding of `count` inferences.
    public init(count: Int, encoded: any Sendable) {
        self.count = count
        self.encoded = encoded
    }

    /// Thrown by a store given inferences that another kind of store prepared.
    public struct ForeignBatch: Error, Hashable, CustomStringConvertible {
        public init() {}
        public var description: String { "inferences prepared by another kind of store" }
    }
}

extension EventStore {
    /// By default the events as they are, for ``insert(prepared:)`` to pass to ``insert(_:)``:
    /// for stores that have nothing to encode before their transaction.
    public func prepare(_ events: [InferenceEvent]) throws -> PreparedInferences {
        PreparedInferences(count: events.count, encoded: events)
    }

    /// By default the events of batches from the default ``prepare(_:)``, stored together with
    /// ``insert(_:)``.
    public func insert(prepared batches: [PreparedInferences]) async throws -> [Bool] {
        var events: [InferenceEvent] = []
        for batch in batches {
            guard let batchEvents = batch.encoded as? [InferenceEvent] else { throw PreparedInferences.ForeignBatch() }
            events += batchEvents
        }
        return try await insert(events)
    }
}

extension EventStore {
    /// The model-wide reference dataset, or nil.
    public func reference(modelID: String) async throws -> ReferenceDataset? {
        try await reference(modelID: modelID, version: nil)
    }

    /// The features of the model's inferences with `from ≤ ts < to`, all versions.
    public func features(modelID: String, from: Date, to: Date, limit: Int) async throws -> [[String: FeatureValue]] {
        try await features(modelID: modelID, version: nil, from: from, to: to, limit: limit)
    }

    /// The model's stored results over all versions and traffic (version and segment empty).
    public func results(modelID: String, metric: String, feature: String?, from: Date, to: Date) async throws
        -> [MonitorResult]
    {
        try await results(
            modelID: modelID, version: "", segment: "", metric: metric, feature: feature, from: from, to: to)
    }
}

/// Predictions of a time window with their labels.
public struct LabeledWindow: Sendable {
    /// One prediction and its label.
    public struct Pair: Sendable, Hashable {
        public var predictionNumber: Double?
        public var predictionText: String?
        public var probabilities: [String: Double]
        public var truthNumber: Double?
        public var truthText: String?
        /// How long after the prediction its label was timestamped, in seconds (negative when
        /// the label's time is earlier); nil when unknown.
        public var labelDelaySeconds: Double?

        /// Creates a pair.
        public init(
            predictionNumber: Double?, predictionText: String?, probabilities: [String: Double], truthNumber: Double?,
            truthText: String?, labelDelaySeconds: Double? = nil
        ) {
            self.predictionNumber = predictionNumber
            self.predictionText = predictionText
            self.probabilities = probabilities
            self.truthNumber = truthNumber
            self.truthText = truthText
            self.labelDelaySeconds = labelDelaySeconds
        }
    }

    /// How long labels took to arrive: quantiles of the pairs' label delays (negative delays
    /// count as 0), by the nearest-rank rule.
    public struct LabelDelay: Sendable, Hashable {
        public var p50: Double
        public var p90: Double
        public var max: Double

        /// Creates delay quantiles.
        public init(p50: Double, p90: Double, max: Double) {
            self.p50 = p50
            self.p90 = p90
            self.max = max
        }
    }

    /// Inferences in the window, labelled or not.
    public var inferences: Int
    /// The labelled ones.
    public var pairs: [Pair]

    /// Creates a window.
    public init(inferences: Int, pairs: [Pair]) {
        self.inferences = inferences
        self.pairs = pairs
    }

    /// The label delay of the window's labelled predictions; nil when none has a known delay.
    public var labelDelay: LabelDelay? {
        let delays = pairs.compactMap(\.labelDelaySeconds).map { Swift.max($0, 0) }.sorted()
        guard let last = delays.last else { return nil }
        func rank(_ q: Double) -> Double { delays[Swift.max(Int((q * Double(delays.count)).rounded(.up)) - 1, 0)] }
        return LabelDelay(p50: rank(0.5), p90: rank(0.9), max: last)
    }
}

/// An inference as stored, joined with its label when one has arrived.
public struct StoredEvent: Sendable, Hashable {
    /// The inference.
    public var inference: InferenceEvent
    /// The label, when it has arrived.
    public var label: LabelEvent?

    /// Creates a stored event.
    public init(inference: InferenceEvent, label: LabelEvent?) {
        self.inference = inference
        self.label = label
    }
}
