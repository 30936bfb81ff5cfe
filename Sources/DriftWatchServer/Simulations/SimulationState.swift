/// Where a simulation is in its life.
enum SimulationState: String, Sendable, Hashable {
    /// Writing traffic, or waiting to write labels that are not yet due.
    case running
    /// Every event and every label it was to send is stored.
    case finished
    /// Storing failed; `error` says why.
    case failed
    /// Stopped before the end.
    case cancelled
}
