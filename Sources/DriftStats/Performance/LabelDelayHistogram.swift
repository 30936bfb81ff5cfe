import Foundation

/// How long labels took to arrive, in seconds, as counts in logarithmic buckets (the layout of
/// DDSketch, Masson et al. 2019): a quantile read from it is within 1 % of a value of the
/// delays, and the counts merge and subtract, which a quantile sketch that compacts (KLL)
/// cannot do. Delays under a millisecond (and negative ones) count as 0.
public struct LabelDelayHistogram: Sendable, Hashable {
    /// The ratio of consecutive bucket bounds.
    public static let gamma = 1.02
    /// Delays below this many seconds count as 0.
    public static let smallest = 0.001

    /// Delays counted.
    public internal(set) var count = 0
    /// Of which under ``smallest``.
    var zero = 0
    /// Bucket i holds delays in (γ^(i−1), γ^i]; no empty buckets.
    var buckets: [Int: Int] = [:]

    /// An empty histogram.
    public init() {}

    /// Adds a delay in seconds (`weight` −1 takes one out).
    public mutating func add(_ seconds: Double, weight: Int = 1) {
        guard seconds.isFinite else { return }
        count += weight
        guard seconds >= Self.smallest else {
            zero += weight
            return
        }
        let bucket = Int((log(seconds) / log(Self.gamma)).rounded(.up))
        let updated = buckets[bucket, default: 0] + weight
        buckets[bucket] = updated == 0 ? nil : updated
    }

    /// Adds everything `other` counted.
    public mutating func merge(_ other: LabelDelayHistogram) {
        count += other.count
        zero += other.zero
        for (bucket, n) in other.buckets {
            let updated = buckets[bucket, default: 0] + n
            buckets[bucket] = updated == 0 ? nil : updated
        }
    }

    /// The delay of nearest rank ⌈q·n⌉ (as ``LabeledWindow`` ranks exact delays), to within
    /// 1 %; nil when empty.
    public func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = max(Int((q * Double(count)).rounded(.up)), 1)
        var seen = zero
        if seen >= rank { return 0 }
        for bucket in buckets.keys.sorted() {
            seen += buckets[bucket] ?? 0
            if seen >= rank { return Self.value(bucket) }
        }
        return buckets.keys.max().map(Self.value) ?? 0
    }

    /// The largest delay, to within 1 %; nil when empty.
    public var largest: Double? {
        guard count > 0 else { return nil }
        return buckets.keys.max().map(Self.value) ?? 0
    }

    /// The value that stands for a bucket: within (γ − 1)/(γ + 1) of every delay in it.
    static func value(_ bucket: Int) -> Double {
        2 * pow(gamma, Double(bucket)) / (gamma + 1)
    }
}
