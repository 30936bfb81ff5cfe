import DriftWatchAlerting
import DriftWatchCore
import Foundation

/// Gathers a ``ModelReport``: the window's profile read once for drift, quality and latency
/// (the same checks as `GET /v1/models/{id}/drift`, `/quality` and `/latency`), the monitors'
/// stored results for the trends, realized performance from the labels, and the alerts.
struct ReportBuilder: Sendable {
    let checks: ModelChecks
    /// Nil when alerting is off or the server keeps no alert state.
    let alerts: (any DashboardAlertSource)?

    /// What the report is asked for.
    struct Request: Sendable {
        var window: TimeWindow
        var scope: TrafficScope
        /// An absolute acceptance threshold; nil derives it from the reference level.
        var threshold: Double?
        /// How far past the window the forecast looks; nil: ``defaultHorizon(_:)``.
        var horizon: TimeInterval?
    }

    /// The alerts of the window the report lists at most.
    static let alertHistoryLimit = 500

    func build(model id: String, request: Request, now: Date = Date()) async throws -> ModelReport {
        guard let model = try await checks.models.lookUp(id) else { throw ModelChecks.Unavailable.noModel(id) }
        let window = request.window
        let buckets = ResultBuckets(from: window.from, to: window.to, length: Self.bucketLength(window))
        let profile = try await checks.profile(model: id, window: window, scope: request.scope)
        let reference = try await checks.reference(model: id, before: window)
        let drift = try await drift(id, window, buckets, profile: profile, reference: reference)
        let quality = Self.quality(profile: profile, reference: reference)
        let latency = ModelReport.Latency(
            inferences: profile.count, errors: profile.errors, errorRate: profile.errorRate.finite,
            p50: profile.latencyQuantile(0.5).finite, p95: profile.latencyQuantile(0.95).finite,
            p99: profile.latencyQuantile(0.99).finite,
            p95Trend: try await series(id, "latency_p95_ms", window, buckets))
        let (performance, performanceSignals) = try await performance(model, request, buckets)
        let alertSection = try await alerts(id, window)
        let signals = ReportSignals(
            drifted: drift.features.filter(\.drift).map {
                .init(name: $0.name, method: $0.method, score: $0.score, pValue: $0.pValue)
            },
            quality: try await qualitySignals(id, window, quality), performance: performanceSignals,
            latencyP99: latency.p99, errorRate: latency.errorRate,
            firingAlerts: alertSection.firing.map { alert in
                let feature = alert.labels.first { $0.name == "feature" }.map { " (\($0.value))" } ?? ""
                return alert.name + feature
            })
        return ModelReport(
            modelID: id, task: model.task.rawValue, generatedAt: now,
            window: .init(from: window.from, to: window.to),
            scope: .init(
                version: request.scope.version,
                segment: request.scope.segment.isEmpty ? nil : request.scope.segment),
            inferences: profile.count, drift: drift, performance: performance, quality: quality, latency: latency,
            alerts: alertSection, recommendations: Recommendations.make(signals))
    }

    /// Buckets short enough to show a trend and long enough to average the monitors' rounds:
    /// days from a three-day window, hours from twelve hours, else quarter hours or 5 minutes.
    static func bucketLength(_ window: TimeWindow) -> TimeInterval {
        let length = window.to.timeIntervalSince(window.from)
        return length >= 3 * 86_400 ? 86_400 : length >= 12 * 3_600 ? 3_600 : length >= 2 * 3_600 ? 900 : 300
    }

    /// The stored results of a model-level (or one feature's) metric, averaged per bucket.
    func series(_ id: String, _ metric: String, feature: String = "", _ window: TimeWindow, _ buckets: ResultBuckets)
        async throws -> [ModelReport.SeriesPoint]
    {
        let results = try await checks.store.results(
            modelID: id, metric: metric, feature: feature, from: window.from, to: window.to)
        return Self.points(results, buckets)
    }

    /// Each non-empty bucket's mean at the bucket's middle.
    static func points(_ results: [MonitorResult], _ buckets: ResultBuckets) -> [ModelReport.SeriesPoint] {
        zip(buckets.starts, buckets.means(results)).compactMap { start, mean in
            mean.map { ModelReport.SeriesPoint(at: start.addingTimeInterval(buckets.length / 2), value: $0) }
        }
    }

    private func drift(
        _ id: String, _ window: TimeWindow, _ buckets: ResultBuckets, profile: TrafficProfile,
        reference: ReferenceDataset?
    ) async throws -> ModelReport.Drift {
        let shareTrend = try await series(id, "dataset_drift_share", window, buckets)
        guard let reference, profile.count > 0 else {
            return ModelReport.Drift(
                available: false,
                note: reference == nil
                    ? "No reference dataset: drift compares traffic with one. POST it to /v1/models/\(id)/reference."
                    : "No inferences in the window: there is nothing to compare with the reference.",
                datasetDriftShare: nil, driftedFeatures: 0, totalFeatures: 0, shareTrend: shareTrend, features: [])
        }
        let report = reference.drift(profile: profile, options: DriftReportOptions())
        let stored = try await checks.store.results(
            modelID: id, metric: "feature_drift_score", feature: nil, from: window.from, to: window.to)
        let byFeature = Dictionary(grouping: stored, by: \.feature)
        let features = report.features.map { feature in
            let first = feature.results.first
            return ModelReport.Drift.Feature(
                name: feature.name, kind: feature.kind.rawValue, method: first?.result.method.rawValue ?? "none",
                score: (first?.result.statistic).finite,
                pValue: (first?.adjustedPValue ?? first?.result.pValue).finite, drift: feature.drift,
                trend: Self.points(byFeature[feature.name] ?? [], buckets))
        }.sorted { ($0.drift ? 1 : 0, $0.score ?? -1, $1.name) > ($1.drift ? 1 : 0, $1.score ?? -1, $0.name) }
        return ModelReport.Drift(
            available: true,
            note:
                "\(profile.count) inferences against \(report.referenceRows) reference rows (\(reference.source)); each feature's method is chosen by its kind and the reference's size, p-values are Benjamini–Hochberg adjusted.",
            datasetDriftShare: Optional(report.datasetDrift.share).finite, driftedFeatures: report.datasetDrift.drifted,
            totalFeatures: report.datasetDrift.total, shareTrend: shareTrend, features: features)
    }

    private static func quality(profile: TrafficProfile, reference: ReferenceDataset?) -> ModelReport.Quality {
        guard profile.count > 0 else { return ModelReport.Quality(score: nil, features: []) }
        let evaluated = DataQuality.evaluate(profile: profile, reference: reference)
        let referenceColumns = Dictionary((reference?.columns ?? []).map { ($0.name, $0) }) { first, _ in first }
        return ModelReport.Quality(
            score: evaluated.score.isFinite ? evaluated.score : nil,
            features: evaluated.features.map { feature in
                let present = feature.count - feature.missing
                return ModelReport.Quality.Feature(
                    name: feature.name, kind: feature.kind.rawValue, count: feature.count,
                    missingRate: feature.missingRate,
                    referenceMissingRate: referenceColumns[feature.name].flatMap(Self.missingRate),
                    outlierRate: feature.outlierRate,
                    outOfRangeRate: present == 0 ? 0 : Double(feature.outOfRange) / Double(present),
                    unseenRate: feature.unseenRate)
            })
    }

    /// The share of a reference column's rows without a value; nil for an empty column.
    private static func missingRate(_ column: ReferenceDataset.Column) -> Double? {
        let present =
            switch column.values {
            case .numbers(let numbers): numbers.count
            case .categories(let tally): tally.counts.values.reduce(0, +)
            }
        let total = present + column.missing
        return total == 0 ? nil : Double(column.missing) / Double(total)
    }

    /// Per feature, the missing rate now (the latest stored one, else the window's) against its
    /// baseline: the stored rates of the window's first half, else the reference's rate. A
    /// sudden rise shows against either; a rate that was always high shows against neither.
    private func qualitySignals(_ id: String, _ window: TimeWindow, _ quality: ModelReport.Quality) async throws
        -> [ReportSignals.FeatureQuality]
    {
        let stored = try await checks.store.results(
            modelID: id, metric: "missing_rate", feature: nil, from: window.from, to: window.to)
        let byFeature = Dictionary(grouping: stored.filter { !$0.feature.isEmpty }, by: \.feature)
        let middle = window.from.addingTimeInterval(window.to.timeIntervalSince(window.from) / 2)
        return quality.features.map { feature in
            let series = byFeature[feature.name] ?? []
            let earlier = series.filter { $0.windowEnd < middle }.compactMap(\.value.finite)
            return ReportSignals.FeatureQuality(
                name: feature.name, missingRate: series.last?.value.finite ?? feature.missingRate,
                baselineMissingRate: earlier.isEmpty
                    ? feature.referenceMissingRate : earlier.reduce(0, +) / Double(earlier.count),
                outOfRangeRate: feature.outOfRangeRate, unseenRate: feature.unseenRate)
        }
    }

    private func alerts(_ id: String, _ window: TimeWindow) async throws -> ModelReport.Alerts {
        guard let alerts else {
            return ModelReport.Alerts(
                enabled: false,
                note:
                    "Alerting is not enabled on this server (alerting.enabled is off, or its store keeps no alert state), so no alert is listed.",
                firing: [], history: [])
        }
        func row(_ alert: DashboardAlert) -> ModelReport.Alerts.Alert {
            ModelReport.Alerts.Alert(
                name: alert.name, severity: alert.severity.rawValue, state: alert.state.rawValue, since: alert.since,
                summary: alert.summary,
                labels: alert.labels.sorted { $0.key < $1.key }.map { .init(name: $0.key, value: $0.value) },
                value: alert.value.finite)
        }
        let firing = try await alerts.activeAlerts().filter { $0.model == id && $0.since < window.to }
        let history = try await alerts.alertHistory(since: window.from, limit: Self.alertHistoryLimit).filter {
            $0.model == id && $0.since < window.to
        }
        return ModelReport.Alerts(
            enabled: true,
            note: firing.isEmpty && history.isEmpty
                ? "No alert of this model fired or changed state in the window." : "Alerts of this model.",
            firing: firing.map(row), history: history.map(row))
    }
}
