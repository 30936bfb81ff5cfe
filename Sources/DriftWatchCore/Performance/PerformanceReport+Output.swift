import Foundation

extension PerformanceReport {
    /// `{"task", "n", "skipped", "metrics": {name: value|null}, "undefined": {name: reason}}`;
    /// `gate_failures` is added when a gate failed.
    public func json(gateFailures: [String] = []) -> String {
        var object: [String: Any] = [
            "task": task.rawValue,
            "n": n,
            "skipped": skipped,
            "metrics": Dictionary(
                uniqueKeysWithValues: metrics.map { ($0.name, $0.value.map { $0 as Any } ?? NSNull()) }),
            "undefined": Dictionary(uniqueKeysWithValues: metrics.compactMap { e in e.reason.map { (e.name, $0) } }),
        ]
        if !gateFailures.isEmpty { object["gate_failures"] = gateFailures }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A table for a person.
    public func text(gateFailures: [String] = []) -> String {
        var lines = ["Task: \(task.rawValue)    Rows scored: \(n)    Skipped: \(skipped)", ""]
        let width = metrics.map(\.name.count).max() ?? 0
        for entry in metrics {
            let name = entry.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let value = entry.value.map { String(format: "%.6f", $0) } ?? "n/a: \(entry.reason ?? "undefined")"
            lines.append("\(name)  \(value)")
        }
        if !gateFailures.isEmpty {
            lines.append("")
            lines.append(contentsOf: gateFailures.map { "FAILED: \($0)" })
        }
        return lines.joined(separator: "\n")
    }
}
