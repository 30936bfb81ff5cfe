/// A row of a batch that was not stored, with the field at fault and why.
struct RejectedRow: Error, Sendable, Hashable {
    /// The 0-based position of the row in the batch.
    var index: Int
    /// The field at fault (`model_id`, `features.age`, …).
    var field: String
    /// What is wrong, for a person.
    var error: String
}
