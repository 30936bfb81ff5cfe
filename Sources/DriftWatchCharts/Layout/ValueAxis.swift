/// How values read in labels and tooltips.
enum ValueFormat {
    case plain
    /// Proportions shown as percentages: 0.42 reads "42%".
    case percent

    func text(_ value: Double) -> String {
        switch self {
        case .plain: NumberText.readable(value)
        case .percent: NumberText.readable(value * 100) + "%"
        }
    }
}

/// Nice ticks for a linear value axis in the unit its labels use.
///
/// Proportions get ticks on the percentage scale (0, 20, 40 → "0%", "20%", "40%"), which
/// reads better next to percentage tooltips than 0.2 and 0.4, and rounds to whole percents.
///
/// ```swift
/// let axis = ValueAxis(lower: 0, upper: 0.61, targetCount: 5, extent: .nice, format: .percent)
/// axis.labels  // ["0%", "20%", "40%", "60%", "80%"]
/// axis.domain  // 0...0.8
/// ```
struct ValueAxis {
    private let ticks: NiceTicks
    private let unit: Double
    private let suffix: String

    init(lower: Double, upper: Double, targetCount: Int, extent: AxisExtent, format: ValueFormat) {
        (unit, suffix) = format == .percent ? (100, "%") : (1, "")
        ticks = NiceTicks(lower: lower * unit, upper: upper * unit, targetCount: targetCount, extent: extent)
    }

    /// The values the axis spans, in data units.
    var domain: ClosedRange<Double> { (ticks.domain.lowerBound / unit)...(ticks.domain.upperBound / unit) }

    var labels: [String] { ticks.values.map { ticks.label(for: $0) + suffix } }

    /// Width of the widest label.
    var labelWidth: Double { labels.map { TextMetrics.width($0) }.max() ?? 0 }

    /// The ticks placed by `scale`, which maps data units.
    func axisTicks(_ scale: LinearScale) -> [AxisTick] {
        zip(ticks.values, labels).map { AxisTick(position: scale.position(of: $0 / unit), label: $1) }
    }
}
