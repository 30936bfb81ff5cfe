import DriftWatchCore
import Foundation

extension FireDrillScore {
    /// The report as the API answers it: one entry per monitor, observed or not, with its rule
    /// and whether the fault was expected to move it, and a summary.
    var json: [String: Any] {
        let outcomes = monitors.map { monitor -> [String: Any] in
            var entry: [String: Any] = [
                "monitor": monitor.name, "metric": monitor.metric, "feature": monitor.feature,
                "rule": monitor.ruleDescription, "expected": monitor.expects(fault),
                "observed": false, "detected": false, "false_alarms": 0,
                "observations_before_fault": 0, "firing_observations_before_fault": 0,
                "detected_at": NSNull(), "detection_delay_seconds": NSNull(),
            ]
            if let outcome = report.outcome(of: monitor.name) {
                entry["observed"] = true
                entry["detected"] = outcome.detected
                entry["detected_at"] = outcome.detectedAt.map(Timestamps.format) ?? NSNull()
                entry["detection_delay_seconds"] = outcome.detectionDelaySeconds ?? NSNull()
                entry["false_alarms"] = outcome.falseAlarms
                entry["observations_before_fault"] = outcome.observationsBeforeFault
                entry["firing_observations_before_fault"] = outcome.firingObservationsBeforeFault
            }
            return entry
        }
        let expected = monitors.filter { $0.expects(fault) }
        return [
            "fault_start": Timestamps.format(fault.start),
            "rounds_from": Timestamps.format(from),
            "rounds_to": Timestamps.format(to),
            "monitors": outcomes,
            "summary": [
                "expected": expected.count,
                "expected_detected": expected.count { report.outcome(of: $0.name)?.detected == true },
                "false_alarms": report.monitors.reduce(0) { $0 + $1.falseAlarms },
            ],
        ]
    }
}
