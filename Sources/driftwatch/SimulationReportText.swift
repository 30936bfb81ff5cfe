import DriftWatchServer
import DriftWatchSimulation
import Foundation

/// What `driftwatch simulate` prints: the plan with the fault's window, and the fire-drill table.
enum SimulationReportText {
    /// The traffic and the fault, before sending.
    static func plan(fault: FaultGroundTruth, rate: Double, duration: Double, target: String) -> String {
        let features = fault.features.isEmpty ? "" : " on \(fault.features.joined(separator: ", "))"
        let until = fault.end.map { "until \(clock($0))" } ?? "until the end"
        return """
            Simulating \(fault.scenario.rawValue)\(features) for model \(fault.modelID) at \(target): \
            \(label(rate)) predictions/s for \(label(duration)) s.
            Fault from \(clock(fault.start))\(fault.fullEffect > fault.start ? " (full effect at \(clock(fault.fullEffect)))" : "") \(until); \
            signals: \(fault.signals.map(\.rawValue).joined(separator: ", ")).
            """
    }

    /// The fire-drill report as a table, one line per monitor.
    static func report(
        _ observations: [MonitorObservation], _ monitors: [FireDrillMonitor], _ fault: FaultGroundTruth
    ) -> String {
        let report = FireDrillReport(fault: fault, observations: observations)
        let rounds = Dictionary(grouping: observations, by: \.monitor).mapValues(\.count)
        let header = ["monitor", "rule", "expected", "rounds", "detected", "delay", "false alarms"]
        var rows: [[String]] = []
        for monitor in monitors {
            let outcome = report.outcome(of: monitor.name)
            rows.append([
                monitor.name, monitor.ruleDescription, monitor.expects(fault) ? "yes" : "no",
                "\(rounds[monitor.name] ?? 0)", outcome?.detected == true ? "yes" : "no",
                outcome?.detectionDelaySeconds.map { "\(Int($0.rounded())) s" } ?? "-",
                outcome.map { "\($0.falseAlarms)" } ?? "-",
            ])
        }
        guard !observations.isEmpty else {
            return """
                No monitor round was stored during the drill: the server's monitors run every \
                monitoring.interval (60 s by default, 15 s in `driftwatch demo`). Run a longer drill \
                (--duration), or read /v1/models/\(fault.modelID)/timeseries later.
                """
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            // Every column but the last is padded to its width.
            let padded = zip(cells.dropLast(), widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
            return (padded + cells.suffix(1)).joined(separator: "  ")
        }
        let expected = monitors.filter { $0.expects(fault) }
        let caught = expected.count { report.outcome(of: $0.name)?.detected == true }
        return
            (["Fire drill (fault at \(clock(fault.start))):", line(header)] + rows.map(line)
            + ["\(caught) of \(expected.count) expected monitors detected the fault."]).joined(separator: "\n")
    }

    /// `HH:MM:SS` in local time.
    static func clock(_ date: Date) -> String {
        let time = Calendar.current.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", time.hour ?? 0, time.minute ?? 0, time.second ?? 0)
    }

    private static func label(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
