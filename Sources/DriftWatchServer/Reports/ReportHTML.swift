import DriftWatchCharts
import DriftWatchCore
import Foundation
import Mustache

/// A ``ModelReport`` as one self-contained HTML page (``ReportTemplate``): the report's
/// values formatted, its series drawn as inline SVG, nothing added that the JSON lacks.
enum ReportHTML {
    /// The template, compiled once; it is a constant of this module, so one that does not parse
    /// is a programming error that every report test catches.
    static let template: MustacheTemplate = {
        do {
            return try MustacheTemplate(string: ReportTemplate.text)
        } catch {
            preconditionFailure("the report template does not parse: \(error)")
        }
    }()

    /// Chart width in SVG user units; charts scale to the page's width.
    static let chartWidth = 1000.0

    static func render(_ report: ModelReport) -> String {
        template.render(view(report))
    }

    /// A chart's markup as it goes into the page. Inside HTML the parser gives `<svg>` its
    /// namespace, so the `xmlns` URL is dropped: the page then names no address at all, and
    /// a search of it for `http` proves it loads nothing.
    static func inline(_ svg: String) -> String {
        svg.replacingOccurrences(of: #" xmlns="http://www.w3.org/2000/svg""#, with: "")
    }

    struct Row: Sendable {
        let name: String
        let kind: String
        let method: String
        let score: String
        let pValue: String
        let drift: Bool
        let sparkline: String
    }

    struct ForecastRow: Sendable {
        let date: String
        let value: String
        let lower: String
        let upper: String
    }

    struct QualityRow: Sendable {
        let name: String
        let kind: String
        let count: String
        let missing: String
        let referenceMissing: String
        let outliers: String
        let outOfRange: String
        let unseen: String
    }

    struct AlertRow: Sendable {
        let name: String
        let summary: String?
        let severity: String
        let state: String
        let since: String
        let value: String
        let labels: String
    }

    struct AlertTable: Sendable {
        let caption: String
        let rows: [AlertRow]
    }

    /// A recommendation with its kind as the JSON names it (for the CSS class).
    struct Advice: Sendable {
        let kind: String
        let title: String
        let reason: String
    }

    struct Item: Sendable {
        let name: String
        let value: String
    }

    /// What the template shows.
    struct View: Sendable {
        let css: String
        let version: String
        let title: String
        let modelID: String
        let task: String
        let windowText: String
        let scopeText: String
        let inferences: String
        let generated: String
        let recommendations: [Advice]
        let driftAvailable: Bool
        let driftSummary: String
        let driftNote: String
        let driftRows: [Row]
        let shareChart: String
        let forecastSentence: String
        let forecastOutcome: String
        let thresholdText: String
        let performanceChart: String
        let performanceNote: String
        let hasForecastRows: Bool
        let forecastRows: [ForecastRow]
        let labelText: String
        let gapText: String?
        let hasWindowMetrics: Bool
        let windowMetrics: [Item]
        let qualityScore: String
        let hasQualityRows: Bool
        let qualityRows: [QualityRow]
        let p50: String
        let p95: String
        let p99: String
        let errorRate: String
        let errors: String
        let latencyChart: String
        let alertsNote: String
        let alertTables: [AlertTable]
    }

    static func view(_ report: ModelReport) -> View {
        let drift = report.drift
        let performance = report.performance
        let format = DashboardFormat.self
        let quality = report.quality
        let latency = report.latency
        return View(
            css: ReportTemplate.css, version: DriftWatchServer.version,
            title:
                "DriftWatch report: \(report.modelID), \(format.time(report.window.from)) to \(format.time(report.window.to))",
            modelID: report.modelID, task: report.task,
            windowText: "\(format.time(report.window.from)) to \(format.time(report.window.to))",
            scopeText: scopeText(report.scope), inferences: format.count(report.inferences),
            generated: format.time(report.generatedAt),
            recommendations: report.recommendations.map {
                Advice(kind: $0.kind.rawValue, title: $0.title, reason: $0.reason)
            },
            driftAvailable: drift.available,
            driftSummary: drift.available
                ? "\(drift.driftedFeatures) of \(drift.totalFeatures) features drifted (\(format.percent(drift.datasetDriftShare, decimals: 0)))."
                : "",
            driftNote: drift.note,
            driftRows: drift.features.map { feature in
                Row(
                    name: feature.name, kind: feature.kind, method: feature.method, score: format.number(feature.score),
                    pValue: format.number(feature.pValue), drift: feature.drift,
                    sparkline: inline(
                        Sparkline(
                            label: "Drift score of \(feature.name) over the window", values: feature.trend.map(\.value)
                        ).svg()))
            },
            shareChart: inline(shareChart(drift)),
            forecastSentence: performance.forecastSentence,
            forecastOutcome: performance.forecast?.outcome.rawValue ?? "none",
            thresholdText: performance.threshold.map {
                "Acceptance threshold \(format.number($0.value)). \($0.explanation)"
            } ?? "No acceptance threshold: no performance result is stored to derive one from, and none was given.",
            performanceChart: inline(performanceChart(performance)), performanceNote: performance.note,
            hasForecastRows: !(performance.forecast?.points.isEmpty ?? true),
            forecastRows: forecastRows(performance.forecast),
            labelText:
                "\(format.count(performance.labeled)) labelled predictions in the window (label coverage \(format.percent(performance.labelCoverage)))."
                + (performance.window.isEmpty ? "" : " Their realized metrics:"),
            gapText: performance.estimatedGap.map {
                "Estimated minus realized accuracy over the window: \(format.number($0)). A large gap means the inputs no longer predict the labels as they did (concept drift)."
            },
            hasWindowMetrics: !performance.window.isEmpty,
            windowMetrics: performance.window.map { Item(name: $0.name, value: format.number($0.value)) },
            qualityScore: format.number(quality.score), hasQualityRows: !quality.features.isEmpty,
            qualityRows: quality.features.map { feature in
                QualityRow(
                    name: feature.name, kind: feature.kind, count: format.count(feature.count),
                    missing: format.percent(feature.missingRate),
                    referenceMissing: format.percent(feature.referenceMissingRate),
                    outliers: format.percent(feature.outlierRate), outOfRange: format.percent(feature.outOfRangeRate),
                    unseen: format.percent(feature.unseenRate))
            },
            p50: format.milliseconds(latency.p50), p95: format.milliseconds(latency.p95),
            p99: format.milliseconds(latency.p99), errorRate: format.percent(latency.errorRate),
            errors: format.count(latency.errors), latencyChart: inline(latencyChart(latency)),
            alertsNote: report.alerts.note, alertTables: alertTables(report.alerts))
    }

    private static func scopeText(_ scope: ModelReport.Scope) -> String {
        let version = scope.version.map { "version \($0)" } ?? "all versions"
        let segment = scope.segment.map { "segment \($0)" } ?? "all segments"
        return "\(version), \(segment) (trends and performance cover all traffic)"
    }

    private static func timePoints(_ series: [ModelReport.SeriesPoint]) -> [TimePoint] {
        series.map { TimePoint(date: $0.at, value: $0.value) }
    }

    private static func shareChart(_ drift: ModelReport.Drift) -> String {
        LineChart(
            title: "Share of drifted features over the window",
            series: drift.shareTrend.isEmpty
                ? [] : [LineSeries(name: "drifted share", points: timePoints(drift.shareTrend))],
            includesZero: true,
            options: ChartOptions(
                width: chartWidth, height: 220, xAxisLabel: "time (UTC)", yAxisLabel: "share",
                emptyMessage: "No stored drift results in the window", id: "report-drift-share")
        ).svg()
    }

    private static func performanceChart(_ performance: ModelReport.Performance) -> String {
        let name = performance.metric.map(PerformancePage.name) ?? "performance"
        var series: [LineSeries] = []
        if !performance.series.isEmpty {
            let forecast = performance.forecast.flatMap { forecast -> Forecast? in
                forecast.points.isEmpty
                    ? nil
                    : Forecast(
                        label: "trend, 95 % band",
                        points: forecast.points.map {
                            ForecastPoint(date: $0.at, value: $0.value, lower: $0.lower, upper: $0.upper)
                        })
            }
            series.append(LineSeries(name: name, points: timePoints(performance.series), forecast: forecast))
        }
        if !performance.estimated.isEmpty {
            series.append(LineSeries(name: "estimated accuracy", points: timePoints(performance.estimated)))
        }
        return LineChart(
            title: "\(name) over the window, with its forecast",
            series: series,
            thresholds: performance.threshold.map { [ThresholdLine(label: "acceptance threshold", value: $0.value)] }
                ?? [],
            options: ChartOptions(
                width: chartWidth, height: 300, xAxisLabel: "time (UTC)", yAxisLabel: name,
                emptyMessage: "No stored performance results in the window", id: "report-performance")
        ).svg()
    }

    private static func latencyChart(_ latency: ModelReport.Latency) -> String {
        LineChart(
            title: "p95 latency over the window",
            series: latency.p95Trend.isEmpty
                ? [] : [LineSeries(name: "p95 latency", points: timePoints(latency.p95Trend))],
            options: ChartOptions(
                width: chartWidth, height: 220, xAxisLabel: "time (UTC)", yAxisLabel: "ms",
                emptyMessage: "No stored latency results in the window", id: "report-latency")
        ).svg()
    }

    /// Every third projected point and the last: enough to read the band without the chart.
    private static func forecastRows(_ forecast: TrendForecast?) -> [ForecastRow] {
        let points = forecast?.points ?? []
        return points.enumerated().filter { ($0.offset + 1) % 3 == 0 || $0.offset == points.count - 1 }.map {
            ForecastRow(
                date: DashboardFormat.time($0.element.at), value: DashboardFormat.number($0.element.value),
                lower: DashboardFormat.number($0.element.lower), upper: DashboardFormat.number($0.element.upper))
        }
    }

    private static func alertTables(_ alerts: ModelReport.Alerts) -> [AlertTable] {
        func rows(_ list: [ModelReport.Alerts.Alert]) -> [AlertRow] {
            list.map { alert in
                AlertRow(
                    name: alert.name, summary: alert.summary.isEmpty ? nil : alert.summary, severity: alert.severity,
                    state: alert.state, since: DashboardFormat.time(alert.since),
                    value: DashboardFormat.number(alert.value),
                    labels: alert.labels.map { "\($0.name)=\($0.value)" }.joined(separator: ", "))
            }
        }
        var tables: [AlertTable] = []
        if !alerts.firing.isEmpty {
            tables.append(AlertTable(caption: "Pending or firing now", rows: rows(alerts.firing)))
        }
        if !alerts.history.isEmpty {
            tables.append(AlertTable(caption: "State changes in the window, newest first", rows: rows(alerts.history)))
        }
        return tables
    }
}
