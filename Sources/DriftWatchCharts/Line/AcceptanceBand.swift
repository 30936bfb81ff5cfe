import Foundation

/// A shaded range of acceptable values behind a ``LineChart``'s lines.
///
/// ```swift
/// let fixed = AcceptanceBand.constant(lower: 0.9, upper: 1.0)
/// let seasonal = AcceptanceBand.varying([
///     BandPoint(date: t0, lower: 80, upper: 140),
///     BandPoint(date: t1, lower: 95, upper: 160),
/// ], label: "expected range")
/// ```
public struct AcceptanceBand: Sendable, Hashable {
    /// The edges of the band.
    public enum Bounds: Sendable, Hashable {
        /// The same range across the whole chart.
        case constant(lower: Double, upper: Double)
        /// A range per date; points with a missing or non-finite end leave a gap.
        case varying([BandPoint])
    }

    /// Shown in the legend and the band's tooltip.
    public var label: String
    /// Where the band is.
    public var bounds: Bounds

    /// A band with the given bounds.
    ///
    /// ```swift
    /// AcceptanceBand(label: "SLO", bounds: .constant(lower: 0, upper: 250))
    /// ```
    public init(label: String = "acceptance band", bounds: Bounds) {
        self.label = label
        self.bounds = bounds
    }

    /// The same range across the chart.
    ///
    /// ```swift
    /// AcceptanceBand.constant(lower: 0.9, upper: 1.0, label: "target accuracy")
    /// ```
    public static func constant(lower: Double, upper: Double, label: String = "acceptance band") -> AcceptanceBand {
        AcceptanceBand(label: label, bounds: .constant(lower: lower, upper: upper))
    }

    /// A range that changes over time.
    ///
    /// ```swift
    /// AcceptanceBand.varying(expected.map { BandPoint(date: $0.date, lower: $0.low, upper: $0.high) })
    /// ```
    public static func varying(_ points: [BandPoint], label: String = "acceptance band") -> AcceptanceBand {
        AcceptanceBand(label: label, bounds: .varying(points))
    }
}

/// The acceptable range at one date.
///
/// ```swift
/// BandPoint(date: t0, lower: 80, upper: 140)
/// ```
public struct BandPoint: Sendable, Hashable {
    /// When the range applies.
    public var date: Date
    /// The smallest acceptable value.
    public var lower: Double?
    /// The largest acceptable value.
    public var upper: Double?

    /// A range at `date`.
    ///
    /// ```swift
    /// BandPoint(date: bucket, lower: expected - 2 * sd, upper: expected + 2 * sd)
    /// ```
    public init(date: Date, lower: Double?, upper: Double?) {
        self.date = date
        self.lower = lower
        self.upper = upper
    }
}
