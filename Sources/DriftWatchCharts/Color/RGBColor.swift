import Foundation

/// An sRGB colour with 8-bit channels, written to SVG as `#rrggbb`.
///
/// ```swift
/// let blue = RGBColor(hex: 0x0072B2)
/// blue.hex                              // "#0072b2"
/// blue.contrastRatio(with: .white)      // ≈ 5.2
/// ```
public struct RGBColor: Sendable, Hashable {
    /// Red channel, 0–255.
    public var red: UInt8
    /// Green channel, 0–255.
    public var green: UInt8
    /// Blue channel, 0–255.
    public var blue: UInt8

    /// A colour from its channels.
    ///
    /// ```swift
    /// let grey = RGBColor(red: 128, green: 128, blue: 128)
    /// ```
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour from a 24-bit `0xRRGGBB` literal.
    ///
    /// ```swift
    /// let vermillion = RGBColor(hex: 0xD55E00)
    /// ```
    public init(hex: UInt32) {
        self.init(red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF), blue: UInt8(hex & 0xFF))
    }

    /// White, the background the contrast checks assume.
    public static let white = RGBColor(hex: 0xFFFFFF)

    /// `#rrggbb` in lower case, as written to `fill` and `stroke`.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for channel in [red, green, blue] {
            text.append(digits[Int(channel >> 4)])
            text.append(digits[Int(channel & 0xF)])
        }
        return text
    }

    /// Relative luminance as defined by WCAG 2.1, from 0 (black) to 1 (white).
    public var relativeLuminance: Double {
        func linear(_ channel: UInt8) -> Double {
            let value = Double(channel) / 255
            return value <= 0.040_45 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG contrast ratio with `other`, from 1 to 21; graphics need at least 3.
    ///
    /// ```swift
    /// RGBColor(hex: 0x000000).contrastRatio(with: .white)  // 21
    /// ```
    public func contrastRatio(with other: RGBColor) -> Double {
        let (a, b) = (relativeLuminance, other.relativeLuminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The colour a `fraction` (0…1) of the way from `self` to `other`, mixed in sRGB.
    func interpolated(to other: RGBColor, fraction: Double) -> RGBColor {
        let t = min(max(fraction, 0), 1)
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded())
        }
        return RGBColor(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
    }
}
