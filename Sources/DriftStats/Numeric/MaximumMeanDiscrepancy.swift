import Foundation

/// Empirical maximum mean discrepancy MMD² with a Gaussian (RBF) kernel and a permutation p-value.
///
/// Follows Evidently 0.7's `empirical_mmd`: k(a, b) = exp(−(a − b)² / 2σ²) with
/// σ = √(½ · median of the squared reference–reference distances) (numpy's "nearest" median,
/// diagonal included; σ = √½ when that median is 0), and the unbiased statistic
/// MMD² = ΣKxx/(n(n−1)) + ΣKyy/(m(m−1)) − 2·mean(Kxy) with the diagonals left out.
/// The p-value is the share of random relabellings of the pooled sample whose statistic is at
/// least the observed one. Cost is O((n + m)²) per permutation, so samples larger than
/// ``Options/maximumSampleSize`` are first subsampled without replacement; all randomness
/// comes from ``Options/seed``.
public enum MaximumMeanDiscrepancy {
    /// Tuning of the test.
    public struct Options: Sendable, Hashable {
        /// How many random relabellings estimate the p-value.
        public var permutations: Int
        /// The largest sample used from each side; larger samples are subsampled.
        public var maximumSampleSize: Int
        /// The seed of every random choice.
        public var seed: UInt64

        /// Creates options; the defaults are 100 permutations (as Evidently), 1,000 values a side.
        public init(permutations: Int = 100, maximumSampleSize: Int = 1000, seed: UInt64 = 0) {
            self.permutations = permutations
            self.maximumSampleSize = maximumSampleSize
            self.seed = seed
        }
    }

    /// MMD² and its permutation p-value.
    public static func test(_ reference: SortedSample, _ current: SortedSample, options: Options = Options())
        throws(UndefinedStatistic) -> DriftOutcome
    {
        guard reference.count >= 2, current.count >= 2 else {
            throw UndefinedStatistic("each sample needs at least two values")
        }
        var generator = SeededRandomNumberGenerator(seed: options.seed)
        let x = subsample(reference.values, options.maximumSampleSize, &generator)
        let y = subsample(current.values, options.maximumSampleSize, &generator)
        let kernel = KernelMatrix(x: x, y: y)
        var isX = [Bool](repeating: false, count: kernel.size)
        for i in 0..<x.count { isX[i] = true }
        let observed = kernel.statistic(isX: isX, n: x.count)
        guard options.permutations > 0 else { return DriftOutcome(statistic: observed, pValue: nil) }
        var atLeast = 0
        for _ in 0..<options.permutations {
            isX.shuffle(using: &generator)
            if kernel.statistic(isX: isX, n: x.count) >= observed { atLeast += 1 }
        }
        return DriftOutcome(statistic: observed, pValue: Double(atLeast) / Double(options.permutations))
    }

    private static func subsample(
        _ values: [Double], _ limit: Int, _ generator: inout SeededRandomNumberGenerator
    ) -> [Double] {
        guard values.count > limit else { return values }
        var copy = values
        copy.shuffle(using: &generator)
        return Array(copy.prefix(limit))
    }

    /// The pooled kernel matrix with a zero diagonal, row-major.
    private struct KernelMatrix {
        let size: Int
        let values: [Double]

        init(x: [Double], y: [Double]) {
            let sigma = Self.medianSigma(x)
            let gamma = 1 / (2 * sigma * sigma)
            let pooled = x + y
            size = pooled.count
            var values = [Double](repeating: 0, count: size * size)
            for i in 0..<size {
                for j in 0..<size where j != i {
                    // numpy's expansion b² − 2ab + a², kept for bit-for-bit agreement.
                    let a = pooled[i]
                    let b = pooled[j]
                    values[i * size + j] = exp(-gamma * (b * b - 2 * (a * b) + a * a))
                }
            }
            self.values = values
        }

        static func medianSigma(_ x: [Double]) -> Double {
            var distances = [Double]()
            distances.reserveCapacity(x.count * x.count)
            for a in x {
                for b in x { distances.append(b * b - 2 * (a * b) + a * a) }
            }
            distances.sort()
            // numpy's percentile(method="nearest") rounds the virtual index half to even.
            let index = (0.5 * Double(distances.count - 1)).rounded(.toNearestOrEven)
            let sigma = (0.5 * distances[Int(index)]).squareRoot()
            return sigma == 0 ? 0.5.squareRoot() : sigma
        }

        func statistic(isX: [Bool], n: Int) -> Double {
            let m = size - n
            var sumXX = 0.0
            var sumYY = 0.0
            var sumXY = 0.0
            values.withUnsafeBufferPointer { k in
                for i in 0..<size {
                    let row = i * size
                    let rowIsX = isX[i]
                    for j in 0..<size {
                        let value = k[row + j]
                        if rowIsX == isX[j] {
                            if rowIsX { sumXX += value } else { sumYY += value }
                        } else if !rowIsX {
                            sumXY += value
                        }
                    }
                }
            }
            let a = 1 / Double(n * (n - 1))
            let b = 1 / Double(m * (m - 1))
            return a * sumXX + b * sumYY - 2 * sumXY / Double(n * m)
        }
    }
}
