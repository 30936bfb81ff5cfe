import DriftWatchCore
import Foundation

/// Everything a model report says about one window: drift with its trend per feature,
/// performance with its forecast, data quality, latency, alerts and recommendations.
///
/// One value, two renderings: ``ReportHTML`` draws it as a self-contained page and
/// ``ModelReport/json()`` encodes it, so the HTML and the JSON of a report cannot disagree.
/// Every number is finite (JSON has no NaN); what is unknown is absent.
struct ModelReport: Sendable, Codable {
    /// A value of a stored series: the mean of one time bucket, at the bucket's middle.
    struct SeriesPoint: Sendable, Codable, Hashable {
        var at: Date
        var value: Double?
    }

    struct Window: Sendable, Codable {
        var from: Date
        var to: Date
    }

    /// The traffic the window's drift, quality and latency describe; nil means all.
    struct Scope: Sendable, Codable {
        var version: String?
        var segment: String?
    }

    struct Drift: Sendable, Codable {
        struct Feature: Sendable, Codable {
            var name: String
            var kind: String
            var method: String
            var score: Double?
            var pValue: Double?
            var drift: Bool
            /// The monitors' stored drift score of the feature over the window.
            var trend: [SeriesPoint]
        }

        /// False without a reference or without traffic; `note` says which.
        var available: Bool
        var note: String
        var datasetDriftShare: Double?
        var driftedFeatures: Int
        var totalFeatures: Int
        /// The monitors' stored share of drifted features over the window.
        var shareTrend: [SeriesPoint]
        /// Drifted features first, each group by descending score.
        var features: [Feature]
    }

    struct Performance: Sendable, Codable {
        /// A metric with its value (a list, not a dictionary, so that JSON keys stay as named).
        struct Metric: Sendable, Codable {
            var name: String
            var value: Double
        }

        /// Where the acceptance threshold comes from.
        struct Threshold: Sendable, Codable {
            var value: Double
            /// `reference` (10 % worse than the reference level) or `parameter` (the query's).
            var source: String
            /// The reference level the threshold was derived from.
            var reference: Double?
            var explanation: String
        }

        /// The headline metric (`accuracy`, `rmse`, …, or `estimated_accuracy` without labels);
        /// nil when no performance series is stored in the window.
        var metric: String?
        /// `realized` (from labels) or `estimated` (CBPE, without labels).
        var source: String?
        var note: String
        /// The length of the buckets the series is averaged over.
        var bucketSeconds: Double
        var series: [SeriesPoint]
        /// Estimated accuracy beside realized accuracy, when stored.
        var estimated: [SeriesPoint]
        /// The latest bucket of ``series``.
        var current: Double?
        /// Realized metrics of the window's labelled predictions.
        var window: [Metric]
        var labeled: Int
        var labelCoverage: Double?
        var threshold: Threshold?
        var forecast: TrendForecast?
        var forecastSentence: String
        /// Estimated minus realized accuracy, mean over the window (a concept-drift signal).
        var estimatedGap: Double?
    }

    struct Quality: Sendable, Codable {
        struct Feature: Sendable, Codable {
            var name: String
            var kind: String
            var count: Int
            var missingRate: Double
            var referenceMissingRate: Double?
            var outlierRate: Double
            var outOfRangeRate: Double
            var unseenRate: Double
        }

        /// 1 − the mean share of problem values per feature; nil without traffic.
        var score: Double?
        var features: [Feature]
    }

    struct Latency: Sendable, Codable {
        var inferences: Int
        var errors: Int
        var errorRate: Double?
        /// Milliseconds.
        var p50: Double?
        var p95: Double?
        var p99: Double?
        /// The monitors' stored p95 latency over the window.
        var p95Trend: [SeriesPoint]
    }

    struct Alerts: Sendable, Codable {
        struct Alert: Sendable, Codable {
            var name: String
            var severity: String
            var state: String
            var since: Date
            var summary: String
            var labels: [Label]
            var value: Double?
        }

        /// One alert label (a list of them, sorted by name, keeps label names as they are).
        struct Label: Sendable, Codable {
            var name: String
            var value: String
        }

        /// False when the server keeps no alert state; `note` says so.
        var enabled: Bool
        var note: String
        /// Pending or firing now.
        var firing: [Alert]
        /// State changes within the window, newest first.
        var history: [Alert]
    }

    var modelID: String
    var task: String
    var generatedAt: Date
    var window: Window
    var scope: Scope
    /// The scope's inferences in the window.
    var inferences: Int
    var drift: Drift
    var performance: Performance
    var quality: Quality
    var latency: Latency
    var alerts: Alerts
    var recommendations: [Recommendation]

    /// The report as JSON: snake_case keys, RFC 3339 times.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension Optional where Wrapped == Double {
    /// The value when finite: JSON cannot carry NaN or infinities, and the report shows "—".
    var finite: Double? { flatMap { $0.isFinite ? $0 : nil } }
}
