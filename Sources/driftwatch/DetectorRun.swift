import DriftStats
import Foundation

/// The rows at which a detector signalled, over one pass of a column.
struct DetectorRun {
    var n: Int
    var missing: Int
    var detections: [Int] = []
    var warnings: [Int] = []

    /// Feeds every present value to `detector`; indices are positions in `values`.
    init(detector: inout any DriftDetector, values: [Double]) {
        n = values.count
        missing = 0
        for (index, value) in values.enumerated() {
            guard value.isFinite else {
                missing += 1
                continue
            }
            detector.update(value)
            if detector.driftDetected { detections.append(index) }
            if detector.warningDetected { warnings.append(index) }
        }
    }

    func json(detector: String, parameters: [(name: String, value: String)], hasWarnings: Bool) -> String {
        var object: [String: Any] = [
            "detector": detector,
            "params": Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, Self.jsonValue($0.value)) }),
            "n": n,
            "missing": missing,
            "detections": detections,
        ]
        if hasWarnings { object["warnings"] = warnings }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    func text(detector: String, parameters: [(name: String, value: String)], hasWarnings: Bool) -> String {
        var lines = [
            "Detector: \(detector) (\(parameters.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")))",
            "Rows: \(n) (\(missing) missing, skipped)",
            "Drifts: \(detections.count)" + (detections.isEmpty ? "" : " at rows \(Self.list(detections))"),
        ]
        if hasWarnings {
            lines.append("Warnings: \(warnings.count)" + (warnings.isEmpty ? "" : " at rows \(Self.list(warnings))"))
        }
        return lines.joined(separator: "\n")
    }

    private static func list(_ indices: [Int]) -> String {
        let shown = indices.prefix(50).map(String.init).joined(separator: ", ")
        return indices.count > 50 ? shown + ", … (\(indices.count - 50) more)" : shown
    }

    /// A parameter value as JSON: a number, a boolean, null for `none`, else the string.
    private static func jsonValue(_ text: String) -> Any {
        if text == "none" { return NSNull() }
        if text == "true" || text == "false" { return text == "true" }
        if let integer = Int(text) { return integer }
        if let number = Double(text), number.isFinite { return number }
        return text
    }
}
