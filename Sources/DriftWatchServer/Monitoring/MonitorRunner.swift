import DriftWatchCore
import Foundation
import Logging

/// One round of monitoring: for every model, drift of the last window against its reference and
/// realized performance from its labels; each value is stored as a time series and exported as a
/// Prometheus gauge.
struct MonitorRunner: Sendable {
    let checks: ModelChecks
    let metrics: ServerMetrics
    /// How far back each round looks.
    let window: TimeInterval
    let logger: Logger
    /// Drift scores' baselines on reference chunks, per reference and window size.
    let chunkBaselines = ChunkBaselineCache()

    /// Gauges for the performance metrics, by report name.
    static let performanceGauges: [String: (name: String, help: String)] = [
        "accuracy": ("ml_model_accuracy", "Accuracy of the last window's labelled predictions."),
        "f1": ("ml_model_f1_score", "F1 of the last window's labelled predictions (binary)."),
        "f1_macro": ("ml_model_f1_macro", "Macro F1 of the last window's labelled predictions (multiclass)."),
        "roc_auc": ("ml_model_auc_roc", "ROC AUC of the last window's labelled predictions."),
        "rmse": ("ml_model_rmse", "RMSE of the last window's labelled predictions."),
        "mae": ("ml_model_mae", "MAE of the last window's labelled predictions."),
    ]

    /// Runs every check for every model over `[now − window, now)`; returns what was stored.
    @discardableResult
    func runOnce(now: Date) async throws -> [MonitorResult] {
        let span = TimeWindow(from: now.addingTimeInterval(-window), to: now)
        var all: [MonitorResult] = []
        for model in try await checks.store.models() {
            var results: [MonitorResult] = []
            // One read of the window's profile and of the reference, shared by every check.
            var windowProfile: TrafficProfile?
            do {
                let profile = try await checks.profile(model: model.id, window: span, scope: .all)
                windowProfile = profile
                if profile.count > 0 {
                    let reference = try await checks.reference(model: model.id, before: span)
                    results += try await health(model.id, span, profile)
                    results += quality(model.id, span, DataQuality.evaluate(profile: profile, reference: reference))
                    if let reference {
                        results += drift(
                            model.id, span, profile, reference.drift(profile: profile),
                            baselines: await baselines(reference, profile))
                    }
                }
            } catch {
                logger.warning("window checks failed", metadata: ["model": "\(model.id)", "error": "\(error)"])
            }
            do {
                results += try await versionChecks(model.id, span)
            } catch {
                logger.warning("version checks failed", metadata: ["model": "\(model.id)", "error": "\(error)"])
            }
            do {
                let realized = try await performance(model.id, span, profile: windowProfile)
                results += realized
                results += try await estimation(model.id, span, realized: realized)
            } catch is ModelChecks.Unavailable {
                // Task unknown: nothing to score.
            } catch {
                logger.warning("performance check failed", metadata: ["model": "\(model.id)", "error": "\(error)"])
            }
            try await checks.store.save(results)
            all += results
        }
        return all
    }

    /// Drift and data quality of each version with traffic in the window, against the version's
    /// own reference when it has one (else the model-wide one), stored under the version. Run
    /// when the model serves more than one version or a version has a reference of its own
    /// (otherwise the all-traffic results say the same). Not exported as gauges: those are per
    /// model; the stored series and alerts carry the version.
    private func versionChecks(_ id: String, _ span: TimeWindow) async throws -> [MonitorResult] {
        let versions = try await checks.store.modelVersions(modelID: id)
        let ownReferences = try await checks.store.referenceVersions(modelID: id)
        guard versions.count > 1 || !ownReferences.isEmpty else { return [] }
        var results: [MonitorResult] = []
        for version in versions {
            let profile = try await checks.profile(
                model: id, window: span, scope: TrafficScope(version: version, segment: ProfileBuilder.allTraffic))
            guard profile.count > 0 else { continue }
            let reference = try await checks.reference(model: id, version: version, before: span)
            results += quality(
                id, span, DataQuality.evaluate(profile: profile, reference: reference), version: version)
            if let reference {
                results += drift(
                    id, span, profile, reference.drift(profile: profile),
                    baselines: await baselines(reference, profile), version: version)
            }
        }
        return results
    }

    /// Each feature's drift score on chunks of the reference as large as the window: the band
    /// adaptive thresholds use. None for a rolling reference, which changes every round (its
    /// adaptive baseline is the series' own stored history).
    private func baselines(_ reference: ReferenceDataset, _ profile: TrafficProfile) async -> [String: ChunkBaseline] {
        guard reference.source != "rolling" else { return [:] }
        return await chunkBaselines.baselines(for: reference, events: profile.count)
    }

    private func drift(
        _ id: String, _ span: TimeWindow, _ profile: TrafficProfile, _ report: DriftReport,
        baselines: [String: ChunkBaseline], version: String = ""
    ) -> [MonitorResult] {
        let events = profile.count
        func result(
            _ metric: String, feature: String = "", _ value: Double?, details: String = "{}",
            baseline: ChunkBaseline? = nil
        ) -> MonitorResult {
            MonitorResult(
                modelID: id, modelVersion: version, metric: metric, feature: feature, windowStart: span.from,
                windowEnd: span.to, value: value, details: details, referenceBaseline: baseline)
        }
        var results = [
            result("dataset_drift_share", report.datasetDrift.share),
            result("feature_drift_count", Double(report.datasetDrift.drifted)),
            result("events", Double(events)),
        ]
        let exported = version.isEmpty
        if exported {
            metrics.monitorGauge(
                "ml_dataset_drift_share", help: "Share of features that drifted in the last window.", model: id,
                value: report.datasetDrift.share)
            metrics.monitorGauge(
                "ml_feature_drift_count", help: "Features that drifted in the last window.", model: id,
                value: Double(report.datasetDrift.drifted))
        }
        for feature in report.features {
            guard let first = feature.results.first else { continue }
            var writer = JSONWriter()
            writer.raw("{\"drift\":")
            writer.bool(feature.drift)
            writer.raw(",\"method\":")
            writer.string(first.result.method.rawValue)
            writer.raw(",\"p_value\":")
            if let p = first.adjustedPValue ?? first.result.pValue { writer.number(p) } else { writer.null() }
            let baseline = baselines[feature.name]
            if let baseline {
                writer.raw(",\"reference_chunks\":{\"mean\":")
                writer.number(baseline.mean)
                writer.raw(",\"std\":")
                writer.number(baseline.standardDeviation)
                writer.raw(",\"chunks\":")
                writer.integer(baseline.chunks)
                writer.raw(",\"chunk_size\":")
                writer.integer(baseline.chunkSize)
                writer.raw("}")
            }
            writer.raw("}")
            results.append(
                result(
                    "feature_drift_score", feature: feature.name, first.result.statistic, details: writer.text,
                    baseline: baseline))
            if exported, let score = first.result.statistic {
                metrics.monitorGauge(
                    "ml_feature_drift_score", help: "Drift statistic of each feature in the last window.", model: id,
                    labels: [("feature", feature.name), ("method", first.result.method.rawValue)], value: score)
            }
        }
        return results
    }

    /// Throughput, errors and latency of the window, from its profile.
    private func health(_ id: String, _ span: TimeWindow, _ profile: TrafficProfile) async throws -> [MonitorResult] {
        let minutes = max(span.to.timeIntervalSince(span.from) / 60, 1)
        let values: [(String, Double?)] = [
            ("throughput_per_minute", Double(profile.count) / minutes), ("error_rate", profile.errorRate),
            ("latency_p50_ms", profile.latencyQuantile(0.5)), ("latency_p95_ms", profile.latencyQuantile(0.95)),
            ("latency_p99_ms", profile.latencyQuantile(0.99)),
        ]
        if let rate = profile.errorRate {
            metrics.monitorGauge(
                "ml_error_rate", help: "Share of the last window's inferences that reported an error.", model: id,
                value: rate)
        }
        for (quantile, value) in [
            ("0.5", profile.latencyQuantile(0.5)), ("0.95", profile.latencyQuantile(0.95)),
            ("0.99", profile.latencyQuantile(0.99)),
        ] {
            guard let value else { continue }
            metrics.monitorGauge(
                "ml_latency_quantile_seconds", help: "Latency quantiles of the last window's inferences.", model: id,
                labels: [("quantile", quantile)], value: value / 1000)
        }
        let series = try await checks.store.profileSeries(
            modelID: id, version: nil, segment: ProfileBuilder.allTraffic, resolution: .minute,
            from: span.to - ServiceHealthDetectors.history, to: span.to)
        return values.map { metric, value in
            MonitorResult(modelID: id, metric: metric, windowStart: span.from, windowEnd: span.to, value: value)
        } + ServiceHealthDetectors.evaluate(model: id, series: series, window: span)
    }

    /// Missing values, outliers and the quality score of the window, from its profile.
    private func quality(_ id: String, _ span: TimeWindow, _ quality: DataQuality, version: String = "")
        -> [MonitorResult]
    {
        func result(_ metric: String, feature: String = "", _ value: Double) -> MonitorResult {
            MonitorResult(
                modelID: id, modelVersion: version, metric: metric, feature: feature, windowStart: span.from,
                windowEnd: span.to, value: value)
        }
        let values = quality.features.reduce(0) { $0 + $1.count }
        let present = quality.features.reduce(0) { $0 + $1.count - $1.missing }
        let missing = values == 0 ? 0 : Double(quality.features.reduce(0) { $0 + $1.missing }) / Double(values)
        let outliers = present == 0 ? 0 : Double(quality.features.reduce(0) { $0 + $1.outliers }) / Double(present)
        var results = [
            result("quality_score", quality.score), result("missing_rate", missing), result("outlier_rate", outliers),
        ]
        let exported = version.isEmpty
        if exported {
            metrics.monitorGauge(
                "ml_data_quality_score", help: "Data quality score of the last window (1 = no problems).", model: id,
                value: quality.score)
        }
        for feature in quality.features {
            results.append(result("missing_rate", feature: feature.name, feature.missingRate))
            results.append(result("outlier_rate", feature: feature.name, feature.outlierRate))
            guard exported else { continue }
            metrics.monitorGauge(
                "ml_feature_missing_rate", help: "Share of missing values per feature in the last window.", model: id,
                labels: [("feature", feature.name)], value: feature.missingRate)
        }
        return results
    }

    /// Estimated performance (CBPE) of the window, and the gap between estimated and realized
    /// accuracy when labels exist: a gap means the relation between inputs and labels changed
    /// (concept drift), since CBPE assumes it did not.
    private func estimation(_ id: String, _ span: TimeWindow, realized: [MonitorResult]) async throws
        -> [MonitorResult]
    {
        guard let (estimate, referenceSize) = try await checks.estimatedPerformance(model: id, window: span) else {
            return []
        }
        var results: [MonitorResult] = []
        for (name, metric) in estimate.estimates {
            guard case .success(let value) = metric.value else { continue }
            var writer = JSONWriter()
            writer.raw("{\"method\":\"cbpe\",\"reference_size\":")
            writer.integer(referenceSize)
            writer.raw(",\"lower\":")
            if let lower = metric.lowerBound { writer.number(lower) } else { writer.null() }
            writer.raw(",\"upper\":")
            if let upper = metric.upperBound { writer.number(upper) } else { writer.null() }
            writer.raw("}")
            results.append(
                MonitorResult(
                    modelID: id, metric: "estimated_\(name)", windowStart: span.from, windowEnd: span.to, value: value,
                    details: writer.text))
        }
        if case .success(let estimated) = estimate.accuracy.value {
            metrics.monitorGauge(
                "ml_estimated_accuracy", help: "Accuracy estimated without labels (CBPE) for the last window.",
                model: id, value: estimated)
            if let accuracy = realized.first(where: { $0.metric == "accuracy" })?.value {
                results.append(
                    MonitorResult(
                        modelID: id, metric: "performance_gap_accuracy", windowStart: span.from, windowEnd: span.to,
                        value: estimated - accuracy))
                metrics.monitorGauge(
                    "ml_concept_drift_score",
                    help: "|estimated − realized accuracy| of the last window: a concept-drift signal.", model: id,
                    value: abs(estimated - accuracy))
            }
        }
        return results
    }

    /// `{"reason": …}` for an undefined metric, `{}` otherwise.
    static func reasonJSON(_ reason: String?) -> String {
        guard let reason else { return "{}" }
        var writer = JSONWriter()
        writer.raw("{\"reason\":")
        writer.string(reason)
        writer.raw("}")
        return writer.text
    }

    private func performance(_ id: String, _ span: TimeWindow, profile: TrafficProfile?) async throws
        -> [MonitorResult]
    {
        let (labeled, report) = try await checks.performance(model: id, window: span, positive: nil, profile: profile)
        guard let coverage = labeled.coverage else { return [] }
        var results = [
            MonitorResult(
                modelID: id, metric: "label_coverage", windowStart: span.from, windowEnd: span.to, value: coverage)
        ]
        metrics.monitorGauge(
            "ml_label_coverage", help: "Share of the last window's predictions that have their label.", model: id,
            value: coverage)
        guard labeled.labeled > 0 else { return results }
        if let delay = labeled.labelDelay {
            for (metric, value) in [("label_delay_p50_seconds", delay.p50), ("label_delay_p90_seconds", delay.p90)] {
                results.append(
                    MonitorResult(
                        modelID: id, metric: metric, windowStart: span.from, windowEnd: span.to, value: value))
            }
            metrics.monitorGauge(
                "ml_label_delay_seconds", help: "Median seconds from prediction to label in the last window.",
                model: id, value: delay.p50)
        }
        for entry in report.metrics {
            results.append(
                MonitorResult(
                    modelID: id, metric: entry.name, windowStart: span.from, windowEnd: span.to, value: entry.value,
                    details: Self.reasonJSON(entry.reason)))
            if let gauge = Self.performanceGauges[entry.name], let value = entry.value {
                metrics.monitorGauge(gauge.name, help: gauge.help, model: id, value: value)
            }
        }
        return results
    }
}
