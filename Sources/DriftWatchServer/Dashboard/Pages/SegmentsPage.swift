import DriftWatchCharts
import DriftWatchCore
import Foundation

/// `/models/{id}/segments`: volume, share, errors, latency, mean prediction and missing rate
/// per segment value, as `GET /v1/models/{id}/segments` answers them, with bars of the volume.
struct SegmentsPage: DashboardPage {
    let sources: DashboardSources

    /// One row of the page's table.
    struct Row: Sendable {
        let segment: String
        let href: String
        let inferences: String
        let share: String
        let errorRate: String
        let p50: String
        let p95: String
        let prediction: String
        let missing: String
    }

    /// What the page's template shows.
    struct View: Sendable {
        let rows: [Row]
        let hasRows: Bool
        let chart: String
        let windowLabel: String
        let total: String
        let empty: EmptyState?
    }

    func document(for request: DashboardRequest) async throws -> DashboardDocument {
        let model = try await sources.model(request)
        let window = request.window
        let total = try await sources.checks.profile(
            model: model.id, window: window,
            scope: TrafficScope(version: request.scope.version, segment: ProfileBuilder.allTraffic))
        let segments = try await sources.store.segmentProfiles(
            modelID: model.id, version: request.scope.version, from: window.from, to: window.to)
        let ordered = segments.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        let kept = request.carried.filter { $0.0 != "segment" }
        let rows = ordered.map { name, profile in
            let features = profile.features.values
            let values = features.reduce(0) { $0 + $1.present + $1.missing }
            return Row(
                segment: name, href: DashboardLinks.model(model.id, .overview, kept + [("segment", name)]),
                inferences: DashboardFormat.count(profile.count),
                share: DashboardFormat.percent(total.count == 0 ? nil : Double(profile.count) / Double(total.count)),
                errorRate: DashboardFormat.percent(profile.errorRate),
                p50: DashboardFormat.milliseconds(profile.latencyQuantile(0.5)),
                p95: DashboardFormat.milliseconds(profile.latencyQuantile(0.95)),
                prediction: DashboardFormat.number(
                    profile.prediction.moments.count > 0 ? profile.prediction.moments.mean : nil),
                missing: DashboardFormat.percent(
                    values == 0 ? 0 : Double(features.reduce(0) { $0 + $1.missing }) / Double(values)))
        }
        let shown = ordered.prefix(20)
        let chart = BarChart(
            title: "Inferences by segment", bars: shown.map { Bar(label: $0.key, value: Double($0.value.count)) },
            options: ChartOptions(
                width: DashboardChartWidth.full, height: max(120, Double(shown.count) * 30 + 70), showsTitle: false,
                xAxisLabel: "inferences",
                emptyMessage: "No segments in this window", id: "chart-segment-volume"))
        let view = View(
            rows: rows, hasRows: !rows.isEmpty, chart: chart.svg(), windowLabel: request.windowLabel,
            total: DashboardFormat.count(total.count),
            empty: rows.isEmpty
                ? EmptyState(
                    heading: "No segments in the \(request.windowLabel)",
                    text:
                        "Segments are the values of the segments object of each prediction (region, plan, device…). Log them with your predictions:",
                    commands: [
                        "curl -X POST \(request.origin)/v1/inferences -H 'Content-Type: application/json' -d "
                            + DashboardCommands.shellQuoted(
                                #"{"model_id": \#(DashboardCommands.jsonString(model.id)), "y_pred_num": 0.91, "features": {"amount": 120.5}, "segments": {"region": "eu"}}"#
                            )
                    ])
                : nil)
        return DashboardDocument(
            heading: model.id, title: "Segments", section: .models, modelPage: .segments,
            body: DashboardView.render(.segments, view))
    }
}
