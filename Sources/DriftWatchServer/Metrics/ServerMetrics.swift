import Prometheus
import Synchronization

/// The server's Prometheus metrics, served at `GET /metrics` in the text exposition format.
///
/// Names follow DriftWatch's `ml_` convention so that Grafana dashboards of the older stacks
/// keep working: `ml_predictions_total`, `ml_api_requests_total`,
/// `ml_prediction_latency_seconds`, plus the ingest queue depth and rejected rows by field.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let pending: Gauge
    /// Collectors already looked up, by their labels: every request counts itself and every
    /// ingest request its model's predictions, and the registry's lookup (names and labels
    /// rebuilt and hashed under its lock) cost more than the increments.
    private let requestCounters = Mutex<[RequestLabels: Counter]>([:])
    private let modelCollectors = Mutex<[String: (stored: Counter, latency: ValueHistogram)]>([:])

    private struct RequestLabels: Hashable {
        var method: String
        var path: String
        var status: Int
    }

    /// Latency buckets in seconds, from 1 ms to 10 s.
    static let latencyBuckets: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10]

    /// Creates an empty set of metrics.
    public init() {
        pending = registry.makeGauge(
            descriptor: Self.name("ml_ingest_pending", unit: "events", help: "Events waiting for their commit."))
    }

    /// Counts stored inferences of a model.
    func predictionsStored(model: String, count: Int) {
        guard count > 0 else { return }
        collectors(model: model).stored.increment(by: Int64(count))
    }

    /// Records the reported latencies of a model's predictions.
    func predictionLatencies(model: String, milliseconds: [Double]) {
        guard !milliseconds.isEmpty else { return }
        let histogram = collectors(model: model).latency
        for latency in milliseconds { histogram.record(latency / 1000) }
    }

    private func collectors(model: String) -> (stored: Counter, latency: ValueHistogram) {
        if let known = modelCollectors.withLock({ $0[model] }) { return known }
        let made = (
            stored: registry.makeCounter(
                descriptor: Self.name("ml_predictions", unit: "total", help: "Inferences stored, per model."),
                labels: [("model_id", model)]),
            latency: registry.makeValueHistogram(
                descriptor: Self.name(
                    "ml_prediction_latency", unit: "seconds", help: "Prediction latency reported by the model service."),
                labels: [("model_id", model)], buckets: Self.latencyBuckets)
        )
        modelCollectors.withLock { $0[model] = made }
        return made
    }

    /// Counts an API request by route and status.
    func request(method: String, path: String, status: Int) {
        let labels = RequestLabels(method: method, path: path, status: status)
        if let counter = requestCounters.withLock({ $0[labels] }) {
            counter.increment()
            return
        }
        let counter = registry.makeCounter(
            descriptor: Self.name(
                "ml_api_requests", unit: "total", help: "HTTP requests answered, per route and status."),
            labels: [("method", method), ("path", path), ("status", String(status))])
        requestCounters.withLock { $0[labels] = counter }
        counter.increment()
    }

    /// Counts rows rejected at ingestion by the top-level field at fault (`features.x` counts
    /// as `features`, so that user-chosen names cannot grow the label set without bound).
    func rejected(field: String, count: Int = 1) {
        let field = field.split(separator: ".").first.map(String.init) ?? ""
        registry.makeCounter(
            descriptor: Self.name(
                "ml_ingest_rejected_rows", unit: "total", help: "Rows rejected at ingestion, by the field at fault."),
            labels: [("field", field.isEmpty ? "row" : field)]
        ).increment(by: Int64(count))
    }

    /// Sets a monitor gauge (`ml_dataset_drift_share`, `ml_model_accuracy`, …) for a model.
    func monitorGauge(_ name: String, help: String, model: String, labels: [(String, String)] = [], value: Double) {
        registry.makeGauge(
            // No unit suffix: shares, counts of features and scores are plain numbers.
            descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help),
            labels: [("model_id", model)] + labels
        ).set(to: value)
    }

    /// Sets the number of events waiting for their commit.
    func pendingEvents(_ count: Int) { pending.set(to: Double(count)) }

    private static func name(_ metric: String, unit: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: metric, unitName: unit, helpText: help)
    }

    /// The exposition text.
    public func text() -> String { registry.emitToString() }
}
