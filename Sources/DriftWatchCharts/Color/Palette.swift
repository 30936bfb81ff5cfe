/// The colours given to series, groups and distributions, in order.
///
/// The default is the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008),
/// chosen because its hues stay distinguishable under the common forms of colour blindness.
/// It is reordered so that the first five colours reach the 3:1 contrast against white that
/// WCAG 2.1 (1.4.11) asks of graphics; the yellow of the original is left out because it does
/// not. Series also differ by dash pattern and marker shape, so colour is never the only cue.
///
/// ```swift
/// Palette.okabeIto.color(at: 0).hex  // "#0072b2"
/// Palette.okabeIto.color(at: 7)      // wraps around to the first colour
/// ```
public struct Palette: Sendable, Hashable {
    /// The colours in the order they are handed out.
    public var colors: [RGBColor]

    /// A palette from its colours; an empty list falls back to ``okabeIto``.
    ///
    /// ```swift
    /// let brand = Palette(colors: [RGBColor(hex: 0x1B4F72), RGBColor(hex: 0xB03A2E)])
    /// ```
    public init(colors: [RGBColor]) {
        self.colors = colors.isEmpty ? Palette.okabeIto.colors : colors
    }

    /// Blue, vermillion, bluish green, reddish purple, black, orange, sky blue.
    public static let okabeIto = Palette(
        uncheckedColors: [0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0x000000, 0xE69F00, 0x56B4E9].map {
            RGBColor(hex: $0)
        })

    /// The colour for the series or group at `index`, cycling when there are more series
    /// than colours.
    ///
    /// ```swift
    /// let stroke = Palette.okabeIto.color(at: seriesIndex).hex
    /// ```
    public func color(at index: Int) -> RGBColor {
        colors[((index % colors.count) + colors.count) % colors.count]
    }

    private init(uncheckedColors: [RGBColor]) {
        colors = uncheckedColors
    }
}
