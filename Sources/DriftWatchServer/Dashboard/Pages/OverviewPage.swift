import DriftWatchCharts
import DriftWatchCore
import Foundation
import Hummingbird

/// `/models/{id}`: six cards on the window's traffic — inferences, latency p50 and p95,
/// inferences per minute, the top segments by volume, and the prediction against a chosen
/// numeric feature (`feature=`) coloured by segment. Reads what `GET /v1/models/{id}/overview`
/// reads.
struct OverviewPage: DashboardPage {
    let sources: DashboardSources

    /// An option of the feature selector.
    struct Option: Sendable {
        let value: String
        let selected: Bool
    }

    /// What the page's template shows.
    struct View: Sendable {
        let health: HealthView
        let windowLabel: String
        let inferences: String
        let errors: String
        let latencyP50: String
        let latencyP95: String
        let latencyCount: String
        let trafficChart: String
        let segmentsChart: String
        let hasFeatures: Bool
        let feature: String
        let features: [Option]
        let hidden: [Hidden]
        let scatterChart: String
        let scatterNote: String
        let empty: EmptyState?
    }

    /// A query parameter the feature form keeps.
    struct Hidden: Sendable {
        let name: String
        let value: String
    }

    func document(for request: DashboardRequest) async throws -> DashboardDocument {
        let model = try await sources.model(request)
        let (window, scope) = (request.window, request.scope)
        let profile = try await sources.checks.profile(model: model.id, window: window, scope: scope)
        let store = sources.store
        let resolution = TrafficRoutes<BasicRequestContext>.resolution(window)
        let series = try await store.profileSeries(
            modelID: model.id, version: scope.version, segment: scope.segment, resolution: resolution,
            from: window.from, to: window.to)
        let segments = try await store.segmentProfiles(
            modelID: model.id, version: scope.version, from: window.from, to: window.to)
        let events = try await store.recentEvents(
            modelID: model.id, from: window.from, to: window.to, limit: TrafficRoutes<BasicRequestContext>.scatterPoints
        )
        let health = try await ModelHealth.read(
            model.id, profile: profile, alerts: try await sources.activeAlerts(), sources: sources, now: request.now)
        let numeric = profile.features.filter { $0.value.quantiles.count > 0 }.keys.sorted()
        let feature = request.query["feature"].flatMap { numeric.contains($0) ? $0 : nil } ?? numeric.first
        let points = feature.map { Self.scatter(events, feature: $0) } ?? []
        let view = View(
            health: health.view, windowLabel: request.windowLabel,
            inferences: DashboardFormat.count(profile.count),
            errors: "\(DashboardFormat.count(profile.errors)) errors (\(DashboardFormat.percent(profile.errorRate)))",
            latencyP50: DashboardFormat.milliseconds(profile.latencyQuantile(0.5)),
            latencyP95: DashboardFormat.milliseconds(profile.latencyQuantile(0.95)),
            latencyCount: "from \(DashboardFormat.count(profile.latency.count)) timed inferences",
            trafficChart: Self.trafficChart(series, resolution: resolution, window: window),
            segmentsChart: Self.segmentsChart(segments),
            hasFeatures: !numeric.isEmpty, feature: feature ?? "a feature",
            features: numeric.map { Option(value: $0, selected: $0 == feature) },
            hidden: request.carried.map { Hidden(name: $0.0, value: $0.1) },
            scatterChart: Self.scatterChart(points, feature: feature),
            scatterNote:
                "The newest \(DashboardFormat.count(points.count)) inferences of the window with a numeric prediction (or class 1 probability) and this feature.",
            empty: profile.count > 0
                ? nil
                : EmptyState(
                    heading: "No inferences in the \(request.windowLabel)",
                    text:
                        "Pick a longer time range, or log predictions under the model id \(model.id) from your service:",
                    commands: [DashboardCommands.postInference(request.origin, model: model.id)]))
        return DashboardDocument(
            heading: model.id, title: "Overview", section: .models, modelPage: .overview,
            body: DashboardView.render(.overview, view))
    }

    /// Inferences per minute in each bucket of the window, zero where a bucket had no traffic.
    static func trafficChart(
        _ series: [(start: Date, profile: TrafficProfile)], resolution: ProfileResolution, window: TimeWindow
    ) -> String {
        let counts = Dictionary(series.map { ($0.start, $0.profile.count) }) { first, _ in first }
        let step = Double(resolution.seconds)
        var dates: [Date] = []
        var bucket = resolution.bucketStart(of: window.from)
        while bucket < window.to {
            dates.append(bucket)
            bucket = bucket.addingTimeInterval(step)
        }
        // The bucket still in progress is divided by the minutes it has run, not its length.
        let perMinute = dates.map { start in
            Double(counts[start] ?? 0) / max(min(step, window.to.timeIntervalSince(start)) / 60, 1)
        }
        let options = ChartOptions(
            width: DashboardChartWidth.full, height: 260, showsTitle: false, xAxisLabel: "time (UTC)",
            yAxisLabel: "inferences / min",
            id: "chart-traffic")
        let chart = LineChart(
            title: "Inferences per minute",
            series: series.isEmpty ? [] : [LineSeries(name: "inferences per minute", dates: dates, values: perMinute)],
            includesZero: true, options: options)
        return chart.svg()
    }

    /// The segment values with the most inferences, largest first.
    static func segmentsChart(_ segments: [String: TrafficProfile]) -> String {
        let top = segments.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
            .prefix(TrafficRoutes<BasicRequestContext>.topSegments)
        let options = ChartOptions(
            width: DashboardChartWidth.half, height: max(120, Double(top.count) * 30 + 70), showsTitle: false,
            xAxisLabel: "inferences",
            emptyMessage: "No segments in this window", id: "chart-segments")
        return BarChart(
            title: "Top segments by volume", bars: top.map { Bar(label: $0.key, value: Double($0.value.count)) },
            options: options
        ).svg()
    }

    /// Prediction against `feature` for the sample of events, read as the JSON overview reads it.
    static func scatter(_ events: [InferenceEvent], feature: String) -> [ScatterPoint] {
        TrafficRoutes<BasicRequestContext>.scatterPoints(events, feature: feature).map { point in
            ScatterPoint(x: point.x, y: point.y, group: point.segment ?? "no segment")
        }
    }

    static func scatterChart(_ points: [ScatterPoint], feature: String?) -> String {
        let options = ChartOptions(
            width: DashboardChartWidth.half, height: 360, showsTitle: false, xAxisLabel: feature ?? "feature",
            yAxisLabel: "prediction",
            emptyMessage: feature == nil ? "No numeric feature in this window" : "No data in this window",
            id: "chart-scatter")
        return ScatterPlot(
            title: "Prediction vs \(feature ?? "feature")", points: points,
            groupOrder: Array(Set(points.map(\.group))).sorted(), options: options
        ).svg()
    }
}
