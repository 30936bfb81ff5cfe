/// Maps a numeric domain linearly onto a range of drawing coordinates.
///
/// The range may run backwards: a vertical axis maps the largest value to the top of the
/// plot, which has the smallest SVG y coordinate.
///
/// ```swift
/// let y = LinearScale(domain: 0...100, from: 250, to: 50)
/// y.position(of: 100)  // 50, the top of the plot
/// y.position(of: 25)   // 200
/// ```
public struct LinearScale: Sendable, Hashable {
    /// The values that map onto the range.
    public var domain: ClosedRange<Double>
    /// The coordinate of `domain.lowerBound`.
    public var start: Double
    /// The coordinate of `domain.upperBound`.
    public var end: Double

    /// A scale taking `domain.lowerBound` to `start` and `domain.upperBound` to `end`.
    ///
    /// ```swift
    /// let x = LinearScale(domain: -1...1, from: 40, to: 600)
    /// ```
    public init(domain: ClosedRange<Double>, from start: Double, to end: Double) {
        self.domain = domain
        self.start = start
        self.end = end
    }

    /// The coordinate of `value`; values outside the domain extrapolate.
    ///
    /// A zero-width domain maps everything to the middle of the range instead of dividing by zero.
    ///
    /// ```swift
    /// LinearScale(domain: 0...10, from: 0, to: 200).position(of: 2.5)  // 50
    /// ```
    public func position(of value: Double) -> Double {
        let width = domain.upperBound - domain.lowerBound
        guard width > 0, width.isFinite else { return (start + end) / 2 }
        return start + (value - domain.lowerBound) / width * (end - start)
    }
}
