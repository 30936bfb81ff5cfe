import Foundation

/// The Fast Hoeffding Drift Detection Method (Pesaranghader & Viktor 2016), as River 0.26's
/// `drift.binary.FHDDM`, with the stacking variant's short window (Pesaranghader et al. 2018).
///
/// Over the last n = `slidingWindowSize` bits with mean μ, the detector keeps μ_max and detects
/// drift when μ_max − μ > ε = √(ln(1/δ)/(2n)), δ the confidence level; with a short window of
/// s bits it also detects when its own μ_max − μ > √(ln(1/δ)/(2s)). It tests only once n bits
/// are in the window, and never warns.
///
/// The test fires when the mean falls, so, as in the paper, the bits should be 1 for a correct
/// prediction; River's documentation says 1 for an error but its test is the same as here. The
/// window sums are running sums, exact for 0/1 input (River re-adds the short window each time).
public struct FHDDM: BinaryDriftDetector {
    public static let name = "fhddm"
    public static let hasWarnings = false

    /// The number n of bits in the window.
    public let slidingWindowSize: Int
    /// The confidence level δ of Hoeffding's bound.
    public let confidenceLevel: Double
    /// The size s of the short window, if any.
    public let shortWindowSize: Int?
    public private(set) var driftDetected = false
    public var warningDetected: Bool { false }

    private let epsilon: Double
    private let shortEpsilon: Double
    private var ring: [Double]
    private var count = 0
    private var start = 0
    private var sum = 0.0
    private var shortSum = 0.0
    private var maximum = 0.0
    private var shortMaximum = 0.0

    /// Creates the detector with River's defaults unless given.
    public init(slidingWindowSize: Int = 100, confidenceLevel: Double = 0.000001, shortWindowSize: Int? = nil) {
        precondition(slidingWindowSize >= 1, "slidingWindowSize must be at least 1")
        precondition(shortWindowSize.map { $0 >= 1 && $0 <= slidingWindowSize } ?? true)
        self.slidingWindowSize = slidingWindowSize
        self.confidenceLevel = confidenceLevel
        self.shortWindowSize = shortWindowSize
        epsilon = (log(1 / confidenceLevel) / Double(2 * slidingWindowSize)).squareRoot()
        shortEpsilon = shortWindowSize.map { (log(1 / confidenceLevel) / Double(2 * $0)).squareRoot() } ?? 0
        ring = [Double](repeating: 0, count: slidingWindowSize)
    }

    /// Takes the next bit.
    public mutating func update(_ x: Double) {
        if driftDetected { reset() }
        let n = slidingWindowSize
        ring[(start + count) % n] = x
        count += 1
        sum += x
        let s = shortWindowSize ?? n
        shortSum += x
        if count > s { shortSum -= ring[(start + count - 1 - s) % n] }
        guard count == n else { return }
        let mean = sum / Double(n)
        maximum = maximum < mean ? mean : maximum
        var shortDrift = false
        if let size = shortWindowSize {
            let shortMean = shortSum / Double(size)
            shortMaximum = shortMaximum < shortMean ? shortMean : shortMaximum
            shortDrift = shortMaximum - shortMean > shortEpsilon
        }
        driftDetected = maximum - mean > epsilon || shortDrift
        let oldest = ring[start]
        sum -= oldest
        if s == n { shortSum -= oldest }
        start = start + 1 == n ? 0 : start + 1
        count -= 1
    }

    /// Returns to the initial state.
    private mutating func reset() {
        driftDetected = false
        count = 0
        start = 0
        sum = 0
        shortSum = 0
        maximum = 0
        shortMaximum = 0
    }
}

extension FHDDM: ConfigurableDriftDetector {
    public static let parameters: [DetectorParameter] = [
        .init("sliding_window_size", .integer(default: 100, minimum: 1), "bits in the window"),
        .init("confidence_level", .real(default: 0.000001, domain: .openUnitInterval), "δ of Hoeffding's bound"),
        .init("short_window_size", .optionalInteger(minimum: 1), "bits in the stacking variant's short window"),
    ]

    init(arguments: DetectorArguments) throws(DetectorConfigurationError) {
        let size = arguments.integer("sliding_window_size")
        let short = arguments.optionalInteger("short_window_size")
        if let short, short > size {
            throw arguments.invalid("short_window_size", expected: "at most sliding_window_size (\(size))")
        }
        self.init(slidingWindowSize: size, confidenceLevel: arguments.real("confidence_level"), shortWindowSize: short)
    }
}
