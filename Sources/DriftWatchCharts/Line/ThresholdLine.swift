/// A horizontal reference line across a ``LineChart``, e.g. an alert threshold.
///
/// The axis always stretches to include it, so a threshold far above the data is still shown.
///
/// ```swift
/// let alert = ThresholdLine(label: "alert", value: 0.2)
/// ```
public struct ThresholdLine: Sendable, Hashable {
    /// Drawn beside the line and used in its tooltip.
    public var label: String
    /// Where the line is; a non-finite value is not drawn.
    public var value: Double

    /// A threshold at `value`.
    ///
    /// ```swift
    /// ThresholdLine(label: "warning", value: 0.1)
    /// ```
    public init(label: String, value: Double) {
        self.label = label
        self.value = value
    }
}
