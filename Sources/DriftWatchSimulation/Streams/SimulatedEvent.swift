import DriftWatchCore
import Foundation

/// One simulated prediction, and its label if it ever gets one.
public struct SimulatedEvent: Sendable, Hashable {
    /// The event's position in its stream, from 0.
    public var index: Int
    /// The prediction, stamped with the time it was made.
    public var inference: InferenceEvent
    /// The ground truth, stamped with the time it becomes available; nil when the label never
    /// arrives (the request failed, or the label was lost).
    public var label: LabelEvent?

    /// When a driver should send the label: its timestamp.
    public var labelAvailableAt: Date? { label?.timestamp }

    /// An event.
    public init(index: Int, inference: InferenceEvent, label: LabelEvent?) {
        self.index = index
        self.inference = inference
        self.label = label
    }
}
