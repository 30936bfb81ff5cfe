/// The storage port: where events and labels are kept. Adapters (SQLite, PostgreSQL) implement it;
/// nothing above an adapter writes SQL.
///
/// Every write returns only after the data is durable (committed), so the caller may
/// acknowledge it. Writes are idempotent on (model id, request id).
public protocol EventStore: Sendable {
    /// Applies pending schema migrations, in order.
    func migrate() async throws

    /// Stores inferences in one transaction; returns, per event, whether it was new (`true`) or
    /// a duplicate of one already stored (`false`).
    func insert(_ events: [InferenceEvent]) async throws -> [Bool]

    /// Stores labels in one transaction; a later label for the same request replaces the earlier.
    func insert(_ labels: [LabelEvent]) async throws

    /// The inference with its label, if any.
    func event(modelID: String, requestID: String) async throws -> StoredEvent?

    /// How many inferences are stored for `modelID` (all models when nil).
    func inferenceCount(modelID: String?) async throws -> Int
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
