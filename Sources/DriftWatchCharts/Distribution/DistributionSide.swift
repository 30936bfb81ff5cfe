/// How the reference or the current side of a distribution is drawn: hue and outline both
/// differ between the two, so the pair reads without colour vision too.
struct DistributionSide {
    let color: RGBColor
    /// The outline's `stroke-dasharray`; `nil` is solid.
    let dash: String?
    let cssClass: String

    static let reference = DistributionSide(color: Palette.okabeIto.color(at: 0), dash: nil, cssClass: "dw-reference")
    static let current = DistributionSide(color: Palette.okabeIto.color(at: 1), dash: "4 2", cssClass: "dw-current")
}

extension DistributionSide {
    /// Fill opacity of the side's bars; below one half, overlapping bars of both sides stay visible.
    static let opacity = 0.45

    /// The side as one group of a grouped bar chart.
    func barGroup(name: String, values: [Double?]) -> GroupedBars.Group {
        GroupedBars.Group(
            name: name, color: color, opacity: Self.opacity, dash: dash, cssClass: cssClass, values: values)
    }

    /// The side's legend entry, drawn as a bar or as a line.
    func legendEntry(label: String, asLine: Bool = false) -> LegendEntry {
        LegendEntry(
            label: label,
            swatch: asLine ? .stroke(color, dash: dash) : .bar(color, opacity: Self.opacity, dash: dash),
            cssClass: cssClass)
    }
}
