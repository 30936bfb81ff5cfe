import DriftStats
import DriftWatchCore
import Foundation

extension ReportBuilder {
    /// Metrics whose failure is a rise, not a fall.
    static let lowerIsBetter: Set<String> = ["rmse", "mae", "mse", "mape", "log_loss", "brier", "ece"]
    /// The reference level is the metric's mean over this long before the window, as the
    /// alert engine's baselines are.
    static let referenceLookback: TimeInterval = 7 * 86_400
    /// The default threshold is this much worse than the reference level: the default
    /// `accuracy-drop` alert's 10 %.
    static let referenceTolerance = 0.10

    /// As far ahead as the window reaches back, from one day to ninety.
    static func defaultHorizon(_ window: TimeWindow) -> TimeInterval {
        min(max(window.to.timeIntervalSince(window.from), 86_400), 90 * 86_400)
    }

    /// The headline metric's bucketed series, its threshold and forecast, realized metrics of
    /// the window's labels, and the signals the recommendation rules read.
    func performance(_ model: ModelDefinition, _ request: Request, _ buckets: ResultBuckets) async throws
        -> (ModelReport.Performance, ReportSignals.Performance?)
    {
        let id = model.id
        let window = request.window
        let (labeled, coverage, metrics) = try await realized(id, window)
        let headline = model.task == .regression ? "rmse" : "accuracy"
        var chosen: (metric: String, source: String, results: [MonitorResult])?
        for candidate in [headline] + PerformancePage.trendMetrics where chosen == nil {
            let results = try await checks.store.results(
                modelID: id, metric: candidate, feature: "", from: window.from, to: window.to)
            if results.contains(where: { $0.value.finite != nil }) { chosen = (candidate, "realized", results) }
        }
        if chosen == nil {
            let results = try await checks.store.results(
                modelID: id, metric: "estimated_accuracy", feature: "", from: window.from, to: window.to)
            if results.contains(where: { $0.value.finite != nil }) {
                chosen = ("estimated_accuracy", "estimated", results)
            }
        }
        let metric = chosen?.metric ?? headline
        let series = Self.points(chosen?.results ?? [], buckets)
        let direction: TrendForecast.Direction = Self.lowerIsBetter.contains(metric) ? .lowerIsBetter : .higherIsBetter
        let threshold = try await threshold(id, metric, direction, request, windowResults: chosen?.results ?? [])
        let forecast = threshold.map {
            TrendForecast(
                series: series.compactMap { point in point.value.map { (point.at, $0) } }, threshold: $0.value,
                direction: direction, end: window.to, horizon: request.horizon ?? Self.defaultHorizon(window))
        }
        let label = PerformancePage.name(metric)
        let sentence =
            forecast?.sentence(metric: label)
            ?? "Not enough points to forecast \(label) (need ≥ \(TrendForecast.minimumPoints), have 0): no \(label) results are stored in the window or the week before it."
        let gaps = try await checks.store.results(
            modelID: id, metric: "performance_gap_accuracy", feature: "", from: window.from, to: window.to
        ).compactMap(\.value.finite)
        let gap = gaps.isEmpty ? nil : gaps.reduce(0, +) / Double(gaps.count)
        let current = series.last?.value
        let estimated = metric == "accuracy" ? try await self.series(id, "estimated_accuracy", window, buckets) : []
        let performance = ModelReport.Performance(
            metric: chosen?.metric, source: chosen?.source,
            note: Self.performanceNote(chosen?.source, metric: label, buckets: buckets),
            bucketSeconds: buckets.length, series: series,
            estimated: estimated,
            current: current, window: metrics, labeled: labeled, labelCoverage: coverage, threshold: threshold,
            forecast: forecast, forecastSentence: sentence, estimatedGap: gap)
        guard let threshold, let forecast else { return (performance, nil) }
        return (
            performance,
            ReportSignals.Performance(
                metric: label, current: current, threshold: threshold.value, forecast: forecast, estimatedGap: gap)
        )
    }

    /// The window's labelled predictions scored as `GET /v1/models/{id}/performance` scores them;
    /// none when the task is unknown or nothing is labelled.
    private func realized(_ id: String, _ window: TimeWindow) async throws
        -> (labeled: Int, coverage: Double?, metrics: [ModelReport.Performance.Metric])
    {
        do {
            let (labeled, report) = try await checks.performance(model: id, window: window, positive: nil)
            let coverage = labeled.coverage
            let metrics = report.metrics.compactMap { metric in
                metric.value.finite.map { ModelReport.Performance.Metric(name: metric.name, value: $0) }
            }
            return (labeled.labeled, coverage, metrics)
        } catch ModelChecks.Unavailable.unknownTask {
            return (0, nil, [])
        } catch is UndefinedStatistic {
            // Nothing labelled in the window: no score, which the report shows as such.
            return (0, nil, [])
        } catch is CSVError {
            return (0, nil, [])
        }
    }

    /// The query's threshold, else 10 % worse than the reference level: the metric's mean over
    /// the week before the window, or, without results there, over the window's first quarter
    /// of results. Nil when no result is stored in either.
    private func threshold(
        _ id: String, _ metric: String, _ direction: TrendForecast.Direction, _ request: Request,
        windowResults: [MonitorResult]
    ) async throws -> ModelReport.Performance.Threshold? {
        let label = PerformancePage.name(metric)
        if let given = request.threshold {
            let side = direction == .higherIsBetter ? "at or above" : "at or below"
            return .init(
                value: given, source: "parameter", reference: nil,
                explanation:
                    "From the threshold parameter: \(label) should stay \(side) \(ReportNumber.text(given)).")
        }
        let window = request.window
        let before = try await checks.store.results(
            modelID: id, metric: metric, feature: "", from: window.from.addingTimeInterval(-Self.referenceLookback),
            to: window.from
        ).compactMap(\.value.finite)
        let inWindow = windowResults.compactMap(\.value.finite)
        let level: Double
        let basis: String
        if !before.isEmpty {
            level = before.reduce(0, +) / Double(before.count)
            basis = "the mean of its \(before.count) stored results in the 7 days before the window"
        } else if !inWindow.isEmpty {
            let first = inWindow.prefix((inWindow.count + 3) / 4)
            level = first.reduce(0, +) / Double(first.count)
            basis =
                "the mean of the window's first \(first.count) stored results (none are stored in the 7 days before it)"
        } else {
            return nil
        }
        let factor = direction == .higherIsBetter ? 1 - Self.referenceTolerance : 1 + Self.referenceTolerance
        let side = direction == .higherIsBetter ? "below" : "above"
        return .init(
            value: level * factor, source: "reference", reference: level,
            explanation:
                "Reference-based, as the default accuracy-drop alert: 10 % \(side) the reference level \(ReportNumber.text(level)) of \(label), \(basis). Pass threshold= to set it."
        )
    }

    private static func performanceNote(_ source: String?, metric: String, buckets: ResultBuckets) -> String {
        let bucket =
            buckets.length >= 86_400 ? "day" : buckets.length >= 3_600 ? "hour" : "\(Int(buckets.length / 60)) minutes"
        switch source {
        case "realized":
            return
                "The monitors' stored \(metric) of labelled predictions, averaged per \(bucket); the forecast fits a least-squares line to those averages with its 95 % prediction band (Student t)."
        case "estimated":
            return
                "No labelled results are stored: this is estimated accuracy (confidence-based, without labels), averaged per \(bucket); the forecast fits a least-squares line with its 95 % prediction band (Student t)."
        default:
            return
                "No performance results are stored in the window: performance needs labels (POST /v1/labels under each prediction's request_id) or, for a binary model with probabilities, estimated accuracy."
        }
    }
}
