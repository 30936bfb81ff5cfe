import DriftWatchCore
import Foundation

/// The results of one evaluation, indexed for rule matching: the latest result of each series,
/// grouped by metric, with the `method` of its details read once.
struct ResultSnapshot: Sendable {
    struct Entry: Sendable {
        var result: MonitorResult
        var method: String?
        var key: SeriesKey { SeriesKey(result) }
    }

    /// The entries by metric, each list in series order so that evaluation is deterministic.
    private(set) var entriesByMetric: [String: [Entry]] = [:]

    /// Indexes `results`, keeping only the latest window of each series.
    init(_ results: [MonitorResult]) {
        var latest: [SeriesKey: MonitorResult] = [:]
        for result in results {
            let key = SeriesKey(result)
            if let kept = latest[key], kept.windowEnd > result.windowEnd { continue }
            latest[key] = result
        }
        for (key, result) in latest {
            entriesByMetric[key.metric, default: []].append(
                Entry(result: result, method: Self.method(of: result.details)))
        }
        for metric in entriesByMetric.keys {
            entriesByMetric[metric]?.sort { $0.key.description < $1.key.description }
        }
    }

    /// The entries of a metric.
    func entries(_ metric: String) -> [Entry] {
        entriesByMetric[metric] ?? []
    }

    /// The `method` string of a details object, if any.
    private static func method(of details: String) -> String? {
        guard details.contains("method"), let parsed = try? JSONParser.parse(details),
            case .string(let method)? = parsed.objectValue?["method"]
        else { return nil }
        return method
    }
}
