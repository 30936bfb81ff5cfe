import DriftWatchCharts
import Testing

@Suite struct ColorTests {
    @Test("The first five palette colours reach 3:1 contrast on white (WCAG 1.4.11)")
    func paletteContrast() {
        let palette = Palette.okabeIto
        for index in 0..<5 {
            #expect(palette.color(at: index).contrastRatio(with: .white) >= 3, "colour \(index)")
        }
        #expect(Set(palette.colors).count == palette.colors.count)
        #expect(palette.color(at: palette.colors.count) == palette.color(at: 0))
        #expect(palette.color(at: 0).hex == "#0072b2")
    }

    @Test("Contrast ratios match the WCAG formula at its extremes")
    func contrastExtremes() {
        #expect(RGBColor(hex: 0x000000).contrastRatio(with: .white) == 21)
        #expect(RGBColor.white.contrastRatio(with: .white) == 1)
    }

    @Test("Sequential scale: ends of viridis, clamped outside the domain, nil for NaN")
    func sequential() {
        let scale = ColorScale(scheme: .sequential, domain: 0...10)
        #expect(scale.color(for: 0)?.hex == "#440154")
        #expect(scale.color(for: 10)?.hex == "#fde725")
        #expect(scale.color(for: 5)?.hex == "#21918c")
        #expect(scale.color(for: -3) == scale.color(for: 0))
        #expect(scale.color(for: 99) == scale.color(for: 10))
        #expect(scale.color(for: .nan) == nil)
        #expect(scale.color(for: .infinity) == nil)
        // Luminance rises monotonically, so the scale also reads in greyscale.
        let luminances = stride(from: 0.0, through: 10, by: 1).compactMap { scale.color(for: $0)?.relativeLuminance }
        #expect(luminances == luminances.sorted())
    }

    @Test("Diverging scale: blue below the centre, neutral at it, red above")
    func diverging() {
        let scale = ColorScale(scheme: .diverging(center: 1), domain: -1...5)
        #expect(scale.color(for: 1)?.hex == "#f7f7f7")
        #expect(scale.color(for: -1)?.hex == "#053061")
        #expect(scale.color(for: 5)?.hex == "#67001f")
        let below = scale.color(for: 0)
        #expect((below?.blue ?? 0) > (below?.red ?? 255))
    }
}
