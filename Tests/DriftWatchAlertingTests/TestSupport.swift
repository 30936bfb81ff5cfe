import DriftWatchAlerting
import DriftWatchCore
import Foundation

/// A fixed origin for injected clocks: 2025-01-01T00:00:00Z.
let epoch = Date(timeIntervalSince1970: 1_735_689_600)

/// The time `minutes` (and `seconds`) after ``epoch``.
func at(minutes: Double = 0, seconds: Double = 0) -> Date {
    epoch.addingTimeInterval(minutes * 60 + seconds)
}

/// A monitor result whose window ends at `end` (and started an hour earlier).
func result(
    _ metric: String, _ value: Double?, model: String = "fraud", version: String = "", feature: String = "",
    segment: String = "", end: Date = epoch, details: String = "{}"
) -> MonitorResult {
    MonitorResult(
        modelID: model, modelVersion: version, segment: segment, metric: metric, feature: feature,
        windowStart: end.addingTimeInterval(-3600), windowEnd: end, value: value, details: details)
}

/// A feature drift result as the monitors write it.
func drift(_ feature: String, _ score: Double?, method: String = "psi", model: String = "fraud", end: Date = epoch)
    -> MonitorResult
{
    result(
        "feature_drift_score", score, model: model, feature: feature, end: end,
        details: "{\"drift\":true,\"method\":\"\(method)\",\"p_value\":null}")
}

/// A threshold rule on one metric.
func thresholdRule(
    id: String = "rule", metric: String, _ value: Double, op: ComparisonOperator = .greaterThan,
    for forDuration: AlertDuration = .zero, keepFiringFor: AlertDuration = .zero, scope: AlertScope = .all,
    method: String? = nil, severity: AlertSeverity = .warning
) -> AlertRule {
    AlertRule(
        id: id, name: id, metric: metric, method: method, scope: scope, condition: .threshold(op, value),
        severity: severity, for: forDuration, keepFiringFor: keepFiringFor)
}

/// A firing alert built directly, for routing tests.
func firingAlert(
    _ name: String, severity: AlertSeverity = .warning, model: String = "fraud", feature: String = "",
    firedAt: Date = epoch, extra: [String: String] = [:]
) -> Alert {
    var labels = AlertLabels(extra)
    labels["alertname"] = name
    labels["severity"] = severity.rawValue
    labels["model"] = model
    labels["feature"] = feature
    return Alert(
        ruleID: name.lowercased(), labels: labels,
        annotations: AlertAnnotations(
            summary: "\(name) on \(model)", runbookURL: "https://runbooks.example.com/\(name)"),
        state: .firing, value: 0.5, activeAt: firedAt, firedAt: firedAt)
}

extension Alert {
    /// The same alert, resolved at `date`.
    func resolved(at date: Date) -> Alert {
        var copy = self
        copy.state = .resolved
        copy.resolvedAt = date
        return copy
    }
}

/// The transitions as `(from, to)` pairs, for compact expectations.
func steps(_ transitions: [AlertTransition]) -> [String] {
    transitions.map { "\($0.from.rawValue)→\($0.to.rawValue)" }
}

/// Decodes JSON text.
func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(json.utf8))
}

/// The decoding problem of `json` as `T`, or nil if it decodes.
func decodingProblem<T: Decodable>(_ type: T.Type, _ json: String) -> AlertConfigurationProblem? {
    do {
        _ = try decode(type, json)
        return nil
    } catch let error as DecodingError {
        return AlertConfigurationProblem(error)
    } catch {
        return AlertConfigurationProblem(field: "", message: "\(error)")
    }
}

/// Bytes from lowercase hex.
func bytes(hex: String) -> Data {
    var data = Data()
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        data.append(UInt8(hex[index..<next], radix: 16)!)
        index = next
    }
    return data
}
