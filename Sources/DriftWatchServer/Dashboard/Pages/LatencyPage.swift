import DriftWatchCharts
import DriftWatchCore
import Foundation
import Hummingbird

/// `/models/{id}/latency`: p50, p95 and p99 latency and the error rate of the window, and
/// their lines over time. Reads what `GET /v1/models/{id}/latency` reads.
struct LatencyPage: DashboardPage {
    let sources: DashboardSources

    /// The default alert thresholds drawn on the charts.
    static let p99Limit = 200.0
    static let errorRateLimit = 0.05

    /// What the page's template shows.
    struct View: Sendable {
        let p50: String
        let p95: String
        let p99: String
        let errorRate: String
        let errors: String
        let mean: String
        let max: String
        let latencyChart: String
        let errorChart: String
        let windowLabel: String
        let empty: EmptyState?
    }

    func document(for request: DashboardRequest) async throws -> DashboardDocument {
        let model = try await sources.model(request)
        let (window, scope) = (request.window, request.scope)
        let profile = try await sources.checks.profile(model: model.id, window: window, scope: scope)
        let resolution = TrafficRoutes<BasicRequestContext>.resolution(window)
        let series = try await sources.store.profileSeries(
            modelID: model.id, version: scope.version, segment: scope.segment, resolution: resolution,
            from: window.from, to: window.to)
        let dates = series.map(\.start)
        let quantiles = [("p50", 0.5), ("p95", 0.95), ("p99", 0.99)].map { name, q in
            LineSeries(name: name, dates: dates, values: series.map { $0.profile.latencyQuantile(q) })
        }
        let latencyChart = LineChart(
            title: "Latency quantiles", series: series.isEmpty ? [] : quantiles,
            thresholds: [ThresholdLine(label: "p99 alert", value: Self.p99Limit)], includesZero: true,
            options: ChartOptions(
                width: DashboardChartWidth.full, height: 300, showsTitle: false, xAxisLabel: "time (UTC)",
                yAxisLabel: "ms", id: "chart-latency"))
        let errorChart = LineChart(
            title: "Error rate",
            series: series.isEmpty
                ? [] : [LineSeries(name: "error rate", dates: dates, values: series.map { $0.profile.errorRate })],
            thresholds: [ThresholdLine(label: "alert", value: Self.errorRateLimit)], includesZero: true,
            options: ChartOptions(
                width: DashboardChartWidth.full, height: 240, showsTitle: false, xAxisLabel: "time (UTC)",
                yAxisLabel: "share of inferences",
                id: "chart-errors"))
        let moments = profile.latencyMoments
        let view = View(
            p50: DashboardFormat.milliseconds(profile.latencyQuantile(0.5)),
            p95: DashboardFormat.milliseconds(profile.latencyQuantile(0.95)),
            p99: DashboardFormat.milliseconds(profile.latencyQuantile(0.99)),
            errorRate: DashboardFormat.percent(profile.errorRate),
            errors: "\(DashboardFormat.count(profile.errors)) of \(DashboardFormat.count(profile.count)) inferences",
            mean: DashboardFormat.milliseconds(moments.count > 0 ? moments.mean : nil),
            max: DashboardFormat.milliseconds(moments.count > 0 ? moments.maximum : nil),
            latencyChart: latencyChart.svg(), errorChart: errorChart.svg(), windowLabel: request.windowLabel,
            empty: profile.count > 0
                ? nil
                : EmptyState(
                    heading: "No inferences in the \(request.windowLabel)",
                    text:
                        "Latency comes from each prediction's latency_ms. Pick a longer time range or log predictions:",
                    commands: [DashboardCommands.postInference(request.origin, model: model.id)]))
        return DashboardDocument(
            heading: model.id, title: "Latency", section: .models, modelPage: .latency,
            body: DashboardView.render(.latency, view))
    }
}
