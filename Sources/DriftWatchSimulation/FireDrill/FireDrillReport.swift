import Foundation

/// How each monitor did in a fire drill: whether and how fast it caught the injected fault,
/// and how often it cried wolf before.
///
/// ```swift
/// let report = FireDrillReport(faultStart: fault.start, observations: observations)
/// for outcome in report.monitors where !outcome.detected { print("\(outcome.monitor) missed the fault") }
/// ```
///
/// An observation at or after the fault start that fired is a detection; the first one sets
/// the detection delay. Before the start, every run of consecutive firing observations of a
/// monitor is one false alarm (an alert fires once and stays open while the condition lasts).
/// A monitor still firing from a false alarm when the fault starts counts as detecting it at
/// its first observation from the start on.
public struct FireDrillReport: Sendable, Hashable, Codable {
    /// One monitor's result.
    public struct MonitorOutcome: Sendable, Hashable, Codable {
        /// The monitor's name.
        public var monitor: String
        /// Whether it fired at or after the fault start.
        public var detected: Bool
        /// When it first fired at or after the fault start.
        public var detectedAt: Date?
        /// Seconds from the fault start to `detectedAt`.
        public var detectionDelaySeconds: Double?
        /// Separate runs of firing before the fault start.
        public var falseAlarms: Int
        /// Observations that fired before the fault start.
        public var firingObservationsBeforeFault: Int
        /// Observations before the fault start.
        public var observationsBeforeFault: Int

        /// An outcome.
        public init(
            monitor: String, detected: Bool, detectedAt: Date?, detectionDelaySeconds: Double?, falseAlarms: Int,
            firingObservationsBeforeFault: Int, observationsBeforeFault: Int
        ) {
            self.monitor = monitor
            self.detected = detected
            self.detectedAt = detectedAt
            self.detectionDelaySeconds = detectionDelaySeconds
            self.falseAlarms = falseAlarms
            self.firingObservationsBeforeFault = firingObservationsBeforeFault
            self.observationsBeforeFault = observationsBeforeFault
        }

        enum CodingKeys: String, CodingKey {
            case monitor, detected
            case detectedAt = "detected_at"
            case detectionDelaySeconds = "detection_delay_seconds"
            case falseAlarms = "false_alarms"
            case firingObservationsBeforeFault = "firing_observations_before_fault"
            case observationsBeforeFault = "observations_before_fault"
        }
    }

    /// When the fault started.
    public var faultStart: Date
    /// One outcome per monitor observed, by monitor name.
    public var monitors: [MonitorOutcome]

    /// Scores `observations` (in any order) against a fault that started at `faultStart`.
    public init(faultStart: Date, observations: [MonitorObservation]) {
        self.faultStart = faultStart
        let byMonitor = Dictionary(grouping: observations, by: \.monitor)
        monitors = byMonitor.keys.sorted().map { name in
            Self.outcome(monitor: name, faultStart: faultStart, observations: byMonitor[name] ?? [])
        }
    }

    /// Scores `observations` against an injected fault's ground truth.
    public init(fault: FaultGroundTruth, observations: [MonitorObservation]) {
        self.init(faultStart: fault.start, observations: observations)
    }

    enum CodingKeys: String, CodingKey {
        case monitors
        case faultStart = "fault_start"
    }

    /// The outcome of the monitor called `name`, if it was observed.
    public func outcome(of name: String) -> MonitorOutcome? { monitors.first { $0.monitor == name } }

    private static func outcome(
        monitor: String, faultStart: Date, observations: [MonitorObservation]
    ) -> MonitorOutcome {
        // A stable sort keeps the given order of observations made at the same time.
        let ordered = observations.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
        var falseAlarms = 0
        var firingBefore = 0
        var before = 0
        var wasFiring = false
        var detectedAt: Date?
        for (_, observation) in ordered {
            if observation.time < faultStart {
                before += 1
                if observation.fired {
                    firingBefore += 1
                    if !wasFiring { falseAlarms += 1 }
                }
                wasFiring = observation.fired
            } else if observation.fired {
                detectedAt = observation.time
                break
            }
        }
        return MonitorOutcome(
            monitor: monitor, detected: detectedAt != nil, detectedAt: detectedAt,
            detectionDelaySeconds: detectedAt.map { $0.timeIntervalSince(faultStart) }, falseAlarms: falseAlarms,
            firingObservationsBeforeFault: firingBefore, observationsBeforeFault: before)
    }
}
