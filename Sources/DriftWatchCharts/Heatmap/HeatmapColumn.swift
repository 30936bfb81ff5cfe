import Foundation

/// A column of a ``Heatmap``, e.g. one time bucket.
///
/// ```swift
/// HeatmapColumn(label: "14:00", name: "2025-03-05 14:00 UTC")
/// ```
public struct HeatmapColumn: Sendable, Hashable {
    /// The short text under the column.
    public var label: String
    /// The full name used in tooltips and the description.
    public var name: String

    /// A column; `name` defaults to `label`.
    ///
    /// ```swift
    /// HeatmapColumn(label: "v2", name: "model version 2")
    /// ```
    public init(label: String, name: String? = nil) {
        self.label = label
        self.name = name ?? label
    }

    /// Columns for time buckets starting at `dates`, labelled in UTC at the granularity of
    /// their spacing ("14:00", "Mar 5" or "Mar 2025").
    ///
    /// ```swift
    /// HeatmapColumn.timeBuckets(hourStarts)
    /// ```
    public static func timeBuckets(_ dates: [Date]) -> [HeatmapColumn] {
        let seconds = dates.filter(UTCDate.isSupported).map(\.timeIntervalSince1970).sorted()
        let gaps = zip(seconds, seconds.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }.sorted()
        let format = TimeLabelFormat(spacing: gaps.isEmpty ? 3_600 : gaps[gaps.count / 2])
        var isFirst = true
        return dates.map { date in
            guard UTCDate.isSupported(date) else { return HeatmapColumn(label: "?", name: "unknown time") }
            let parts = UTCDate(date)
            defer { isFirst = false }
            return HeatmapColumn(label: format.label(for: parts, isFirst: isFirst), name: parts.timestamp)
        }
    }
}
