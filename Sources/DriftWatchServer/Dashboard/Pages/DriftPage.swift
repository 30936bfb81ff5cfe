import DriftWatchCharts
import DriftWatchCore
import Foundation

/// `/models/{id}/drift`: each feature's drift in the window against the reference (method,
/// score, p-value, verdict, and a sparkline of the monitors' stored scores over the last day),
/// a feature × time heatmap of those scores, and the reference and current distributions of
/// each feature. Reads what `GET /v1/models/{id}/drift` reads (the window's profiles).
struct DriftPage: DashboardPage {
    let sources: DashboardSources

    /// How far back the sparklines and the heatmap look.
    static let history: TimeInterval = 86_400
    /// Stored scores a sparkline draws one by one; more are averaged by quarter hour.
    static let sparklinePoints = 96

    /// One row of the page's table.
    struct Row: Sendable {
        let name: String
        let kind: String
        let method: String
        let score: String
        let pValue: String
        let drift: Bool
        let verdict: String
        let reason: String?
        let sparkline: String
    }

    /// One feature's overlay chart.
    struct Distribution: Sendable {
        let name: String
        let chart: String
    }

    /// What the page's template shows.
    struct View: Sendable {
        let hasReport: Bool
        let summary: String
        let datasetDrift: Bool
        let referenceNote: String
        let windowLabel: String
        let rows: [Row]
        let missing: String?
        let heatmap: String
        let heatmapNote: String
        let distributions: [Distribution]
        let empty: EmptyState?
    }

    func document(for request: DashboardRequest) async throws -> DashboardDocument {
        let model = try await sources.model(request)
        let view: View
        do {
            let (profile, reference, report) = try await sources.checks.profileDrift(
                model: model.id, window: request.window, scope: request.scope, options: DriftReportOptions())
            let history = try await sources.store.results(
                modelID: model.id, metric: "feature_drift_score", feature: nil,
                from: request.now.addingTimeInterval(-Self.history), to: request.now.addingTimeInterval(1))
            view = Self.view(
                report: report, profile: profile, reference: reference, history: history, request: request,
                model: model.id)
        } catch ModelChecks.Unavailable.noReference {
            view = Self.noReference(request, model: model.id)
        }
        return DashboardDocument(
            heading: model.id, title: "Drift", section: .models, modelPage: .drift,
            body: DashboardView.render(.drift, view))
    }

    private static func view(
        report: DriftReport, profile: TrafficProfile, reference: ReferenceDataset?, history: [MonitorResult],
        request: DashboardRequest, model: String
    ) -> View {
        let byFeature = Dictionary(grouping: history, by: \.feature)
        // Quarter hours over the day; the sparkline starts at the first stored score.
        let sparkBuckets = ResultBuckets(
            from: request.now.addingTimeInterval(-Self.history), to: request.now, length: 900)
        let rows = report.features.map { feature in
            let first = feature.results.first
            let stored = byFeature[feature.name] ?? []
            // Each stored score while there are few, else quarter-hour means from the first one.
            let values =
                stored.count <= Self.sparklinePoints
                ? stored.map(\.value) : Array(sparkBuckets.means(stored).drop { $0 == nil })
            return Row(
                name: feature.name, kind: feature.kind.rawValue, method: first?.result.method.rawValue ?? "—",
                score: DashboardFormat.number(first?.result.statistic),
                pValue: DashboardFormat.number(first.flatMap { $0.adjustedPValue ?? $0.result.pValue }),
                drift: feature.drift, verdict: feature.drift ? "drift" : "no drift",
                reason: first?.result.reason,
                sparkline: Sparkline(label: "Drift score of \(feature.name) over 24 hours", values: values).svg())
        }
        let heatBuckets = ResultBuckets.covering(history, now: request.now)
        let heatmap = Heatmap(
            title: "Drift score by feature and time",
            timeBuckets: heatBuckets.starts,
            rows: report.features.map {
                HeatmapRow(label: $0.name, values: heatBuckets.means(byFeature[$0.name] ?? []))
            },
            options: ChartOptions(
                width: DashboardChartWidth.full, height: max(140, Double(report.features.count) * 30 + 90),
                showsTitle: false, xAxisLabel: "time (UTC)",
                emptyMessage: "No stored drift scores yet: the monitors store one every minute", id: "chart-heatmap"))
        let referenceColumns = Dictionary((reference?.columns ?? []).map { ($0.name, $0) }) { first, _ in first }
        let distributions = report.features.compactMap { feature -> Distribution? in
            guard let column = referenceColumns[feature.name] else { return nil }
            return Distribution(
                name: feature.name, chart: DriftDistributions.chart(column, current: profile.features[feature.name]))
        }
        let share = report.datasetDrift
        let minutes = Int((heatBuckets.length / 60).rounded())
        return View(
            hasReport: true,
            summary:
                "\(share.drifted) of \(share.total) features drifted (\(DashboardFormat.percent(share.share, decimals: 0))); the dataset counts as drifted at \(DashboardFormat.percent(share.threshold, decimals: 0)).",
            datasetDrift: share.detected,
            referenceNote:
                "\(DashboardFormat.count(profile.count)) inferences in the \(request.windowLabel) against \(DashboardFormat.count(report.referenceRows)) reference rows\(reference?.modelVersion.map { " of version \($0)" } ?? ""). Methods are chosen by feature kind and reference size; p-values are Benjamini–Hochberg adjusted.",
            windowLabel: request.windowLabel, rows: rows,
            missing: report.onlyInReference.isEmpty
                ? nil
                : "Not in this window's traffic: " + report.onlyInReference.joined(separator: ", ") + ".",
            heatmap: heatmap.svg(),
            heatmapNote:
                "Mean of the scores the monitors stored in each \(minutes)-minute bucket; each feature's method is in the table above.",
            distributions: distributions,
            empty: profile.count > 0
                ? nil
                : EmptyState(
                    heading: "No inferences in the \(request.windowLabel)",
                    text:
                        "Drift compares the window's traffic with the reference. Pick a longer time range or log predictions:",
                    commands: [DashboardCommands.postInference(request.origin, model: model)]))
    }

    private static func noReference(_ request: DashboardRequest, model: String) -> View {
        View(
            hasReport: false, summary: "", datasetDrift: false, referenceNote: "", windowLabel: request.windowLabel,
            rows: [], missing: nil, heatmap: "", heatmapNote: "", distributions: [],
            empty: EmptyState(
                heading: "No reference yet",
                text:
                    "Drift compares production traffic with a reference dataset, such as the training data. Upload one as CSV with a header (one column per feature), JSON or NDJSON rows:",
                commands: [
                    DashboardCommands.uploadReference(request.origin, model: model),
                    "curl -X POST \(request.origin)/v1/models/\(DashboardLinks.encode(model))/reference -H 'Content-Type: text/csv' --data-binary @train.csv",
                ]))
    }
}
