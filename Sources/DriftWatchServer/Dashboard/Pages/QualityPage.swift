import DriftWatchCharts
import DriftWatchCore
import Foundation

/// `/models/{id}/quality`: per feature, the window's missing, out-of-range, outlier and unseen
/// rates against the reference, with the quality score and its stored trend. Reads what
/// `GET /v1/models/{id}/quality` reads (the window's profiles).
struct QualityPage: DashboardPage {
    let sources: DashboardSources

    /// One row of the page's table.
    struct Row: Sendable {
        let name: String
        let kind: String
        let values: String
        let missing: String
        let outOfRange: String
        let outliers: String
        let unseen: String
        let problems: String
        let flagged: Bool
    }

    /// What the page's template shows.
    struct View: Sendable {
        let score: String
        let scoreLow: Bool
        let events: String
        let windowLabel: String
        let rows: [Row]
        let hasRows: Bool
        let referenceNote: String?
        let problemsChart: String
        let scoreChart: String
        let empty: EmptyState?
    }

    func document(for request: DashboardRequest) async throws -> DashboardDocument {
        let model = try await sources.model(request)
        let (profile, reference, quality) = try await sources.checks.profileQuality(
            model: model.id, window: request.window, scope: request.scope)
        let hasReference = reference != nil
        let stored = try await sources.store.results(
            modelID: model.id, metric: "quality_score", feature: "", from: request.window.from,
            to: request.now.addingTimeInterval(1))
        let rows = quality.features.map { feature in
            Row(
                name: feature.name, kind: feature.kind.rawValue, values: DashboardFormat.count(feature.count),
                missing: DashboardFormat.percent(feature.missingRate),
                outOfRange: feature.kind == .numeric
                    ? DashboardFormat.percent(Self.rate(feature.outOfRange, of: feature.count - feature.missing))
                    : DashboardFormat.none,
                outliers: feature.kind == .numeric
                    ? DashboardFormat.percent(feature.outlierRate) : DashboardFormat.none,
                unseen: feature.kind == .categorical
                    ? DashboardFormat.percent(feature.unseenRate) : DashboardFormat.none,
                problems: DashboardFormat.percent(feature.problemRate), flagged: feature.problemRate > 0.05)
        }
        let bars = quality.features.map { Bar(label: $0.name, value: $0.problemRate * 100) }
        let view = View(
            score: DashboardFormat.number(profile.count > 0 ? quality.score : nil),
            scoreLow: profile.count > 0 && quality.score < ModelHealth.qualityScoreLimit,
            events: DashboardFormat.count(profile.count), windowLabel: request.windowLabel, rows: rows,
            hasRows: !rows.isEmpty,
            referenceNote: hasReference
                ? nil
                : "This model has no reference, so only missing values count: ranges, outliers and unseen categories are judged against a reference (\(DashboardCommands.uploadReference(request.origin, model: model.id))).",
            problemsChart: BarChart(
                title: "Values with a problem by feature", bars: bars,
                options: ChartOptions(
                    width: DashboardChartWidth.full, height: max(120, Double(bars.count) * 30 + 70),
                    showsTitle: false,
                    xAxisLabel: "% of values with a problem", id: "chart-problems")
            ).svg(),
            scoreChart: LineChart(
                title: "Quality score over time",
                series: stored.isEmpty
                    ? [] : [LineSeries(name: "quality score", points: PerformancePage.points(stored))],
                thresholds: [ThresholdLine(label: "health limit", value: ModelHealth.qualityScoreLimit)],
                options: ChartOptions(
                    width: DashboardChartWidth.twoThirds, height: 260, showsTitle: false, xAxisLabel: "time (UTC)",
                    yAxisLabel: "score",
                    emptyMessage: "No stored quality scores in this window", id: "chart-quality")
            ).svg(),
            empty: profile.count > 0
                ? nil
                : EmptyState(
                    heading: "No inferences in the \(request.windowLabel)",
                    text:
                        "Data quality is judged on the window's feature values. Pick a longer time range or log predictions:",
                    commands: [DashboardCommands.postInference(request.origin, model: model.id)]))
        return DashboardDocument(
            heading: model.id, title: "Quality", section: .models, modelPage: .quality,
            body: DashboardView.render(.quality, view))
    }

    private static func rate(_ part: Int, of whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
}
