import DriftStats
import DriftWatchCore
import Foundation

/// Streaming change detectors on a model's service health: Page–Hinkley, CUSUM and ADWIN run
/// over the per-minute series of latency p95 and error rate.
///
/// Each round replays the detectors from scratch over the last ``history`` of minute buckets
/// read from the profiles, so no detector state needs storing and a restart loses nothing; a
/// detector "fires" for the round when it detects a change at a minute inside the round's window.
enum ServiceHealthDetectors {
    /// How much history each replay reads: enough minutes for the detectors' warm-up.
    static let history: TimeInterval = 6 * 3600

    /// The streams watched, by name, with how to read one from a minute's profile.
    static let streams: [(name: String, value: @Sendable (TrafficProfile) -> Double?)] = [
        ("latency_p95_ms", { $0.latencyQuantile(0.95) }),
        ("error_rate", { $0.errorRate }),
    ]

    /// The detectors, with River's defaults; CUSUM runs on z-scores of the series, since its
    /// thresholds are in standard deviations.
    static func detectors() -> [any DriftDetector] {
        // CUSUM with h = 8 standard deviations: about one false alarm in several thousand minutes of a
        // steady stream (h = 5 gives one in a few hundred, i.e. most days).
        [PageHinkley(), CUSUM(k: 0.5, h: 8), ADWIN()]
    }

    /// One `detector_drift` result per stream and detector: 1 when it detected a change in
    /// `window`, else 0, with the detector, the stream and the minute of the change.
    static func evaluate(model id: String, series: [(start: Date, profile: TrafficProfile)], window: TimeWindow)
        -> [MonitorResult]
    {
        var results: [MonitorResult] = []
        for stream in streams {
            let points = series.compactMap { bucket in stream.value(bucket.profile).map { (bucket.start, $0) } }
            guard points.count >= 2 else { continue }
            let values = points.map(\.1)
            let mean = values.reduce(0, +) / Double(values.count)
            let spread = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
            for var detector in detectors() {
                var detectedAt: Date?
                for (start, value) in points {
                    detector.update(detector is CUSUM ? (spread > 0 ? (value - mean) / spread : 0) : value)
                    if detector.driftDetected && start >= window.from { detectedAt = start }
                }
                var writer = JSONWriter()
                writer.raw("{\"detector\":")
                writer.string(type(of: detector).name)
                writer.raw(",\"detected_at\":")
                if let detectedAt { writer.string(Timestamps.format(detectedAt)) } else { writer.null() }
                writer.raw("}")
                results.append(
                    MonitorResult(
                        modelID: id, metric: "detector_drift", feature: "\(stream.name):\(type(of: detector).name)",
                        windowStart: window.from, windowEnd: window.to, value: detectedAt == nil ? 0 : 1,
                        details: writer.text))
            }
        }
        return results
    }
}
