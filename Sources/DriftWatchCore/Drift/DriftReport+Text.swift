import DriftStats
import Foundation

extension DriftReport {
    /// A table for a person reading a terminal.
    public func text() -> String {
        var lines: [String] = []
        let verdict = datasetDrift.detected ? "DETECTED" : "not detected"
        lines.append("Reference rows: \(referenceRows)    Current rows: \(currentRows)")
        lines.append(
            "Dataset drift: \(verdict) — \(datasetDrift.drifted) of \(datasetDrift.total) columns drifted "
                + "(\(Self.percent(datasetDrift.share)), threshold \(Self.percent(datasetDrift.threshold)))")
        if correction == .benjaminiHochberg {
            lines.append("p-values are Benjamini–Hochberg adjusted across columns (p adj).")
        }
        lines.append("")
        var rows = [
            ["column", "kind", "missing ref/cur", "method", "statistic", "p-value", "p adj", "threshold", "drift"]
        ]
        for feature in features {
            for (index, item) in feature.results.enumerated() {
                let first = index == 0
                let result = item.result
                rows.append([
                    first ? feature.name : "",
                    first ? feature.kind.rawValue : "",
                    first ? "\(feature.missingReference)/\(feature.missingCurrent)" : "",
                    result.method.rawValue + (item.automatic ? " (auto)" : ""),
                    result.statistic.map(Self.number) ?? "—",
                    result.pValue.map(Self.number) ?? "—",
                    item.adjustedPValue.map(Self.number) ?? "—",
                    Self.number(result.threshold),
                    result.reason.map { "n/a: \($0)" } ?? (result.drift ? "DRIFT" : "no"),
                ])
            }
        }
        lines.append(contentsOf: Self.aligned(rows))
        if !onlyInReference.isEmpty {
            lines.append("")
            lines.append("Only in the reference (not compared): \(onlyInReference.joined(separator: ", "))")
        }
        if !onlyInCurrent.isEmpty {
            if onlyInReference.isEmpty { lines.append("") }
            lines.append("Only in the current data (not compared): \(onlyInCurrent.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }

    private static func aligned(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }

    private static func number(_ value: Double) -> String {
        if value != 0 && (abs(value) < 1e-4 || abs(value) >= 1e6) { return String(format: "%.3e", value) }
        return String(format: "%.4f", value)
    }

    private static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
