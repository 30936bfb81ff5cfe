import DriftWatchAlerting
import DriftWatchCore
import Foundation

/// Backtests a rule on the stored monitor results of every model.
enum AlertBacktest {
    /// How far before `from` results are read, so that the first evaluations see the state the
    /// rule would have had.
    static let warmUp: TimeInterval = 86_400

    static func run(_ rule: AlertRule, store: any EventStore, from: Date, to: Date, step: AlertDuration) async throws
        -> BacktestReport
    {
        let metrics = rule.referencedMetrics().sorted()
        var history: [MonitorResult] = []
        for model in try await store.models() {
            for metric in metrics {
                history += try await store.results(
                    modelID: model.id, metric: metric, feature: nil, from: from - warmUp, to: to + 1)
            }
        }
        return Backtest.run(rule: rule, history: history, from: from, to: to, step: step)
    }
}
