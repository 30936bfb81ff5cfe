/// The kind of model whose predictions are scored.
public enum PerformanceTask: String, Sendable, Hashable, CaseIterable {
    case binary
    case multiclass
    case regression
}
