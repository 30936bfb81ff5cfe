import Foundation

/// One evaluation of one monitor during a fire drill: did it fire at this time?
public struct MonitorObservation: Sendable, Hashable, Codable {
    /// When the monitor was evaluated.
    public var time: Date
    /// The monitor's name.
    public var monitor: String
    /// Whether it fired (alerted, or reported drift).
    public var fired: Bool

    /// An observation.
    public init(time: Date, monitor: String, fired: Bool) {
        self.time = time
        self.monitor = monitor
        self.fired = fired
    }
}
