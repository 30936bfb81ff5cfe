import Foundation

/// The Early Drift Detection Method (Baena-García et al. 2006), as River 0.26's
/// `drift.binary.EDDM`.
///
/// At each error, the distance in bits since the previous error updates the running mean p′
/// and sample standard deviation s′ (ddof 1) of those distances. Past `warmStart` bits the
/// detector keeps the largest p′ + 2s′ seen; when the current value does not exceed it and more
/// than `warmStart` errors have been seen, it detects drift when (p′ + 2s′)/max < β and warns
/// when it is < α. As in River, bits that are not errors leave both flags as they are, a drift
/// leaves the warning as it was, and only an input equal to 1 counts as an error.
public struct EDDM: BinaryDriftDetector {
    public static let name = "eddm"
    public static let hasWarnings = true

    /// The number of bits, and of errors, seen before the first test.
    public let warmStart: Int
    /// The warning level α.
    public let alpha: Double
    /// The drift level β ≤ α.
    public let beta: Double
    public private(set) var driftDetected = false
    public private(set) var warningDetected = false

    private var bits = 0
    private var lastError = 0
    private var errors = 0
    /// River's `stats.Var` of the distances: their running mean and Σ(d − mean_old)(d − mean_new).
    private var distances = RunningMean()
    private var squares = 0.0
    private var largest = -1.0

    /// Creates the detector with River's defaults unless given.
    public init(warmStart: Int = 30, alpha: Double = 0.95, beta: Double = 0.9) {
        precondition(alpha >= beta, "alpha must be at least beta")
        self.warmStart = warmStart
        self.alpha = alpha
        self.beta = beta
    }

    /// Takes the next bit (1 for an error, 0 otherwise).
    public mutating func update(_ x: Double) {
        if driftDetected { reset() }
        bits += 1
        guard x == 1 else { return }
        errors += 1
        let distance = Double(bits - lastError)
        let previousMean = distances.mean
        distances.update(distance)
        squares += (distance - previousMean) * (distance - distances.mean)
        lastError = bits
        guard bits > warmStart else { return }
        let variance = distances.count > 1 ? squares / (distances.count - 1) : 0
        // River takes `** 0.5`, which is pow and not always sqrt to the last bit.
        let level = distances.mean + 2 * pow(variance, 0.5)
        if level > largest {
            largest = level
        } else if errors > warmStart {
            let ratio = level / largest
            if ratio < beta {
                driftDetected = true
            } else if ratio < alpha {
                warningDetected = true
            } else {
                warningDetected = false
            }
        }
    }

    /// Returns to the initial state.
    private mutating func reset() {
        driftDetected = false
        warningDetected = false
        bits = 0
        lastError = 0
        errors = 0
        distances = RunningMean()
        squares = 0
        largest = -1
    }
}

extension EDDM: ConfigurableDriftDetector {
    public static let parameters: [DetectorParameter] = [
        .init("warm_start", .integer(default: 30, minimum: 0), "bits and errors seen before the first test"),
        .init("alpha", .real(default: 0.95, domain: .unitInterval), "warning level, at least beta"),
        .init("beta", .real(default: 0.9, domain: .unitInterval), "drift level"),
    ]

    init(arguments: DetectorArguments) throws(DetectorConfigurationError) {
        let alpha = arguments.real("alpha")
        let beta = arguments.real("beta")
        guard alpha >= beta else {
            throw arguments.isGiven("alpha")
                ? arguments.invalid("alpha", expected: "a number ≥ beta (\(beta))")
                : arguments.invalid("beta", expected: "a number ≤ alpha (\(alpha))")
        }
        self.init(warmStart: arguments.integer("warm_start"), alpha: alpha, beta: beta)
    }
}
