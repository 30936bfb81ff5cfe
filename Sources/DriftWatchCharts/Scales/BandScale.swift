/// Splits a range of coordinates into equal bands, one per category, for bar charts.
///
/// ```swift
/// let bands = BandScale(count: 4, from: 0, to: 100, padding: 0.2)
/// bands.start(of: 0)  // 2.5: half of the 20% padding of a 25-wide slot
/// bands.bandwidth     // 20
/// ```
struct BandScale {
    let count: Int
    let start: Double
    let end: Double
    /// The share of each slot left empty between bars, split evenly on both sides.
    let padding: Double

    init(count: Int, from start: Double, to end: Double, padding: Double = 0.2) {
        self.count = max(count, 1)
        self.start = start
        self.end = end
        self.padding = min(max(padding, 0), 0.9)
    }

    /// The length of one slot: the band plus its padding.
    var step: Double { (end - start) / Double(count) }

    /// The length of the bar within a slot.
    var bandwidth: Double { abs(step) * (1 - padding) }

    /// The smaller coordinate of band `index`.
    func start(of index: Int) -> Double {
        let slotStart = start + step * Double(index)
        return min(slotStart, slotStart + step) + abs(step) * padding / 2
    }

    /// The middle of band `index`, where its label goes.
    func center(of index: Int) -> Double {
        start(of: index) + bandwidth / 2
    }
}
