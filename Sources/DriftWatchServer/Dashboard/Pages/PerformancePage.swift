import DriftStats
import DriftWatchCharts
import DriftWatchCore
import Foundation

/// `/models/{id}/performance`: realized performance of the window's labelled predictions (as
/// `GET /v1/models/{id}/performance` scores them), the trend of the monitors' stored results
/// against an acceptance band, estimated performance beside it when it is stored, and label
/// coverage.
///
/// The band is the mean ± 3 standard deviations of the metric's stored results over the
/// model's first week (from its creation): a fixed yardstick of how the model did when it was
/// new, which needs no labelled reference.
struct PerformancePage: DashboardPage {
    let sources: DashboardSources

    /// Metrics tried for the trend, after the task's headline, until one has stored results.
    static let trendMetrics = ["accuracy", "rmse", "f1", "f1_macro", "roc_auc", "mae"]

    /// How a metric's name reads in a sentence: `RMSE`, `macro F1`, `accuracy`.
    static func name(_ metric: String) -> String {
        let names = [
            "rmse": "RMSE", "mae": "MAE", "mse": "MSE", "f1": "F1", "f1_macro": "macro F1", "roc_auc": "ROC AUC",
        ]
        return names[metric] ?? metric.replacingOccurrences(of: "_", with: " ")
    }

    /// One metric of the window's report.
    struct Metric: Sendable {
        let name: String
        let value: String
        let reason: String?
    }

    /// What the page's template shows.
    struct View: Sendable {
        let hasTask: Bool
        let metricName: String
        /// The metric's name in a sentence, and at the start of one.
        let metricLabel: String
        let metricTitle: String
        let realized: String
        let coverage: String
        let labeled: String
        let scoringProblem: String?
        let trendChart: String
        let bandNote: String
        let estimatedNote: String
        let coverageChart: String
        let metrics: [Metric]
        let windowLabel: String
        let empty: EmptyState?
    }

    func document(for request: DashboardRequest) async throws -> DashboardDocument {
        let model = try await sources.model(request)
        let view: View
        if model.task == .unknown {
            view = Self.unknownTask(request, model: model.id)
        } else {
            view = try await read(model, request)
        }
        return DashboardDocument(
            heading: model.id, title: "Performance", section: .models, modelPage: .performance,
            body: DashboardView.render(.performance, view))
    }

    private func read(_ model: ModelDefinition, _ request: DashboardRequest) async throws -> View {
        let end = request.now.addingTimeInterval(1)
        var report: PerformanceReport?
        var labeled = RealizedPerformance(inferences: 0, labeled: 0, source: "profiles")
        var problem: String?
        do {
            (labeled, report) = try await sources.checks.performance(
                model: model.id, window: request.window, positive: nil)
        } catch let error as CSVError {
            problem = "The labelled predictions cannot be scored: \(error.message)"
        } catch is UndefinedStatistic {
            // No labelled prediction in the window: nothing to score, but the coverage is 0 of them.
            let profile = try await sources.checks.profile(model: model.id, window: request.window, scope: .all)
            labeled = RealizedPerformance(inferences: profile.count, labeled: 0, source: "profiles")
        }
        let headline = model.task == .regression ? "rmse" : "accuracy"
        var metric = headline
        var trend: [MonitorResult] = []
        for candidate in [headline] + Self.trendMetrics {
            let results = try await sources.store.results(
                modelID: model.id, metric: candidate, feature: "", from: request.window.from, to: end)
            if !results.isEmpty {
                (metric, trend) = (candidate, results)
                break
            }
        }
        let estimated = try await sources.store.results(
            modelID: model.id, metric: "estimated_" + metric, feature: "", from: request.window.from, to: end)
        let firstWeek = try await sources.store.results(
            modelID: model.id, metric: metric, feature: "", from: model.createdAt,
            to: model.createdAt.addingTimeInterval(7 * 86_400))
        let band = Self.band(firstWeek.compactMap(\.value))
        let coverage = try await sources.store.results(
            modelID: model.id, metric: "label_coverage", feature: "", from: request.window.from, to: end)
        let realized = report?.metrics.first { $0.name == metric }?.value
        var series = [LineSeries(name: "realized \(metric)", points: Self.points(trend))]
        if !estimated.isEmpty { series.append(LineSeries(name: "estimated \(metric)", points: Self.points(estimated))) }
        let trendChart = LineChart(
            title: "\(metric) over time", series: trend.isEmpty && estimated.isEmpty ? [] : series,
            band: band.map { .constant(lower: $0.lower, upper: $0.upper, label: "first-week mean ± 3 sd") },
            options: ChartOptions(
                width: DashboardChartWidth.full, height: 300, showsTitle: false, xAxisLabel: "time (UTC)",
                yAxisLabel: metric,
                emptyMessage: "No stored \(metric) results in this window", id: "chart-performance"))
        let coverageChart = LineChart(
            title: "Label coverage over time",
            series: coverage.isEmpty ? [] : [LineSeries(name: "label coverage", points: Self.points(coverage))],
            includesZero: true,
            options: ChartOptions(
                width: DashboardChartWidth.full, height: 220, showsTitle: false, xAxisLabel: "time (UTC)",
                yAxisLabel: "share labelled",
                emptyMessage: "No stored label coverage in this window", id: "chart-coverage"))
        let share = labeled.coverage
        let bandNote =
            band.map {
                "Acceptance band: mean ± 3 standard deviations of \(metric) over the model's first week (from \(DashboardFormat.time(model.createdAt))), \(DashboardFormat.number($0.lower)) to \(DashboardFormat.number($0.upper)), from \($0.count) stored results."
            }
            ?? "Acceptance band: mean ± 3 standard deviations of \(metric) over the model's first week; it appears once the monitors have stored two results in that week."
        return View(
            hasTask: true, metricName: metric, metricLabel: Self.name(metric),
            metricTitle: Self.name(metric).prefix(1).uppercased() + Self.name(metric).dropFirst(),
            realized: DashboardFormat.number(realized),
            coverage: DashboardFormat.percent(share), labeled: DashboardFormat.count(labeled.labeled),
            scoringProblem: problem, trendChart: trendChart.svg(), bandNote: bandNote,
            estimatedNote: estimated.isEmpty
                ? "No estimated \(metric) is stored for this window: estimated performance (without labels) appears here as estimated_\(metric) results when a monitor stores them."
                : "Estimated \(metric) is drawn dashed beside the realized value.",
            coverageChart: coverageChart.svg(),
            metrics: (report?.metrics ?? []).map {
                Metric(name: $0.name, value: DashboardFormat.number($0.value), reason: $0.reason)
            },
            windowLabel: request.windowLabel,
            empty: labeled.labeled == 0
                ? EmptyState(
                    heading: "No labelled predictions in the \(request.windowLabel)",
                    text:
                        "Performance needs ground truth. Log each label under the request id of its prediction, whenever it arrives:",
                    commands: [DashboardCommands.postLabel(request.origin, model: model.id)])
                : nil)
    }

    /// Mean ± 3 sample standard deviations; nil for fewer than two values.
    static func band(_ values: [Double]) -> (lower: Double, upper: Double, count: Int)? {
        let finite = values.filter(\.isFinite)
        guard finite.count >= 2 else { return nil }
        let mean = finite.reduce(0, +) / Double(finite.count)
        let variance = finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(finite.count - 1)
        let spread = 3 * variance.squareRoot()
        return (mean - spread, mean + spread, finite.count)
    }

    /// Each result at the end of its window.
    static func points(_ results: [MonitorResult]) -> [TimePoint] {
        results.map { TimePoint(date: $0.windowEnd, value: $0.value) }
    }

    private static func unknownTask(_ request: DashboardRequest, model: String) -> View {
        View(
            hasTask: false, metricName: "", metricLabel: "", metricTitle: "", realized: "", coverage: "", labeled: "",
            scoringProblem: nil,
            trendChart: "", bandNote: "", estimatedNote: "", coverageChart: "", metrics: [],
            windowLabel: request.windowLabel,
            empty: EmptyState(
                heading: "The task of this model is unknown",
                text:
                    "Performance is scored by task (binary, multiclass or regression). Declare it, keeping the model's features:",
                commands: [DashboardCommands.declareTask(request.origin, model: model)]))
    }
}
