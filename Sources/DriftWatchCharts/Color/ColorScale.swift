/// Maps numbers to colours for heatmaps.
///
/// The sequential scheme interpolates viridis (van der Walt & Smith, matplotlib 2.0), sampled
/// at eleven stops: it is perceptually uniform, readable in greyscale and by colour-blind
/// readers. The diverging scheme interpolates ColorBrewer's 11-class RdBu reversed (blue below
/// the centre, red above), which ColorBrewer rates colour-blind safe.
///
/// ```swift
/// let scale = ColorScale(scheme: .sequential, domain: 0...1)
/// scale.color(for: 0)?.hex   // "#440154", dark purple
/// scale.color(for: 1)?.hex   // "#fde725", yellow
/// let change = ColorScale(scheme: .diverging(center: 0), domain: -2...2)
/// change.color(for: 0)?.hex  // "#f7f7f7", neutral
/// ```
public struct ColorScale: Sendable, Hashable {
    /// How values are turned into colours.
    public enum Scheme: Sendable, Hashable {
        /// Low to high, dark purple to yellow; for scores such as PSI or a p-value.
        case sequential
        /// Blue below `center`, neutral at it, red above; for signed changes.
        case diverging(center: Double)
    }

    /// The colour scheme.
    public var scheme: Scheme
    /// Values at or beyond the bounds get the end colours.
    public var domain: ClosedRange<Double>

    /// A scale over `domain`.
    ///
    /// ```swift
    /// let psi = ColorScale(scheme: .sequential, domain: 0...0.5)
    /// ```
    public init(scheme: Scheme = .sequential, domain: ClosedRange<Double>) {
        self.scheme = scheme
        self.domain = domain
    }

    /// The colour of `value`, or `nil` for NaN and infinities, which have no place on a scale.
    ///
    /// ```swift
    /// ColorScale(domain: 0...0.5).color(for: 0.25)?.hex  // "#21918c", the middle of viridis
    /// ```
    public func color(for value: Double) -> RGBColor? {
        guard value.isFinite else { return nil }
        switch scheme {
        case .sequential:
            return Self.sample(Self.viridis, at: fraction(of: value, from: domain.lowerBound, to: domain.upperBound))
        case .diverging(let center):
            let middle = center.isFinite ? min(max(center, domain.lowerBound), domain.upperBound) : 0
            let t: Double
            if value < middle {
                t = 0.5 * fraction(of: value, from: domain.lowerBound, to: middle)
            } else if value > middle {
                t = 0.5 + 0.5 * fraction(of: value, from: middle, to: domain.upperBound)
            } else {
                t = 0.5
            }
            return Self.sample(Self.redBlue, at: t)
        }
    }

    /// Where `value` lies between `low` and `high`, clamped to 0…1; a zero-width interval
    /// puts everything in its middle rather than dividing by zero.
    private func fraction(of value: Double, from low: Double, to high: Double) -> Double {
        guard high > low else { return value < low ? 0 : (value > high ? 1 : 0.5) }
        let t = (value - low) / (high - low)
        // An infinite domain gives ∞/∞; such a value sits in the middle rather than nowhere.
        return t.isNaN ? 0.5 : min(max(t, 0), 1)
    }

    private static func sample(_ stops: [RGBColor], at t: Double) -> RGBColor {
        let position = t * Double(stops.count - 1)
        let index = min(Int(position.rounded(.down)), stops.count - 2)
        return stops[index].interpolated(to: stops[index + 1], fraction: position - Double(index))
    }

    /// matplotlib's viridis at 0, 0.1, …, 1.
    private static let viridis = [
        0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C, 0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725,
    ].map { RGBColor(hex: $0) }

    /// ColorBrewer RdBu, 11 classes, from blue (low) to red (high).
    private static let redBlue = [
        0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F,
    ].map { RGBColor(hex: $0) }
}
