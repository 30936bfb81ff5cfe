import DriftWatchCore
import DriftWatchSimulation
import Foundation

/// One monitor a fire drill scores: a time series the scheduled monitors store, and the rule
/// that makes a stored value an alarm.
///
/// ```swift
/// let monitors = FireDrillMonitor.standard(for: fault, model: fraud)
/// let fired = monitors[0].fires(value: 0.6, drift: nil)  // dataset_drift_share ≥ 0.5
/// ```
///
/// The thresholds are the default alert thresholds: half the features drifting, a feature's
/// drift verdict, error rate above 5 %, p99 latency above 200 ms, missing values above 5 %,
/// outliers above 10 %, accuracy 10 % below (RMSE 10 % above) the model's clean baseline, and
/// fewer than half of the predictions labelled.
public struct FireDrillMonitor: Sendable, Hashable {
    /// When a stored value is an alarm.
    public enum Rule: Sendable, Hashable {
        /// The value is at least this.
        case atLeast(Double)
        /// The value is above this.
        case above(Double)
        /// The value is below this.
        case below(Double)
        /// The result's details say `"drift": true`.
        case driftVerdict
    }

    /// The monitor's name in the report: the metric, with `:feature` for a feature's series.
    public var name: String { feature.isEmpty ? metric : "\(metric):\(feature)" }
    /// The stored metric (`GET /v1/models/{id}/timeseries?metric=`).
    public var metric: String
    /// The feature of a per-feature series; empty for the model's.
    public var feature: String
    /// When a value fires.
    public var rule: Rule
    /// What the monitor watches, so that a report can say whether it was expected to fire.
    public var signal: AffectedSignal

    /// A monitor.
    public init(metric: String, feature: String = "", rule: Rule, signal: AffectedSignal) {
        self.metric = metric
        self.feature = feature
        self.rule = rule
        self.signal = signal
    }

    /// Whether a stored value fires: `value` is nil when the metric was undefined for its
    /// window (which never fires); `drift` is the verdict in the result's details, if any.
    public func fires(value: Double?, drift: Bool?) -> Bool {
        switch rule {
        case .driftVerdict: return drift == true
        case .atLeast(let threshold): return value.map { $0 >= threshold } ?? false
        case .above(let threshold): return value.map { $0 > threshold } ?? false
        case .below(let threshold): return value.map { $0 < threshold } ?? false
        }
    }

    /// The rule in words, for reports: `value >= 0.5`, `details.drift = true`.
    public var ruleDescription: String {
        switch rule {
        case .driftVerdict: "details.drift = true"
        case .atLeast(let threshold): "value >= \(FeatureValue.label(threshold))"
        case .above(let threshold): "value > \(FeatureValue.label(threshold))"
        case .below(let threshold): "value < \(FeatureValue.label(threshold))"
        }
    }

    /// Whether the fault moves what this monitor watches.
    public func expects(_ fault: FaultGroundTruth) -> Bool { fault.signals.contains(signal) }

    /// The monitors scored for `fault` on `model`'s traffic: every model-level monitor, and the
    /// drift verdict of each feature the fault changes.
    public static func standard(for fault: FaultGroundTruth, model: DemoModel) -> [FireDrillMonitor] {
        var monitors = [
            FireDrillMonitor(metric: "dataset_drift_share", rule: .atLeast(0.5), signal: .featureDrift)
        ]
        for feature in fault.features {
            monitors.append(
                FireDrillMonitor(
                    metric: "feature_drift_score", feature: feature, rule: .driftVerdict, signal: .featureDrift))
        }
        monitors += [
            FireDrillMonitor(metric: "error_rate", rule: .above(0.05), signal: .errorRate),
            FireDrillMonitor(metric: "latency_p99_ms", rule: .above(200), signal: .latency),
            FireDrillMonitor(metric: "missing_rate", rule: .above(0.05), signal: .missingValues),
            FireDrillMonitor(metric: "outlier_rate", rule: .above(0.1), signal: .outliers),
            FireDrillMonitor(metric: "label_coverage", rule: .below(0.5), signal: .labelDelay),
        ]
        let baseline = PerformanceBaseline(model: model)
        switch baseline.metric {
        case "rmse":
            monitors.append(
                FireDrillMonitor(metric: "rmse", rule: .above(rounded(baseline.value * 1.1)), signal: .performance))
        default:
            monitors.append(
                FireDrillMonitor(metric: "accuracy", rule: .below(rounded(baseline.value * 0.9)), signal: .performance))
        }
        return monitors
    }

    /// Four significant digits, so that thresholds read well in reports.
    private static func rounded(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let scale = pow(10, 3 - floor(log10(abs(value))))
        return (value * scale).rounded() / scale
    }
}
