import DriftStats
import Foundation

/// How a drift score behaves on the reference itself: the mean and spread of the score of
/// reference chunks against the whole reference. An adaptive threshold is `mean ± k·std`
/// (NannyML's default for univariate drift, k = 3).
public struct ChunkBaseline: Sendable, Hashable {
    /// The mean score of the chunks.
    public var mean: Double
    /// The sample standard deviation of the chunks' scores.
    public var standardDeviation: Double
    /// Chunks scored.
    public var chunks: Int
    /// Rows per chunk.
    public var chunkSize: Int

    /// Creates a baseline.
    public init(mean: Double, standardDeviation: Double, chunks: Int, chunkSize: Int) {
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.chunks = chunks
        self.chunkSize = chunkSize
    }

    /// Mean and sample standard deviation of `scores` (nil for fewer than two).
    init?(scores: [Double], chunkSize: Int) {
        guard scores.count >= 2, let statistics = ResultStatistics(scores) else { return nil }
        self.init(
            mean: statistics.mean, standardDeviation: statistics.standardDeviation, chunks: statistics.count,
            chunkSize: chunkSize)
    }
}

extension ReferenceDataset {
    /// The fewest rows a chunk has; smaller chunks say little about a score's spread.
    public static let minimumChunkSize = 20

    /// The drift score's behaviour on the reference, per feature: each chunk of `chunkSize` rows
    /// is profiled as a window would be and scored against the whole reference with the same
    /// methods (``drift(profile:options:)``), as NannyML derives its thresholds from reference
    /// chunks. A score's spread depends on the window's size, so `chunkSize` should be the size
    /// of the windows compared; a reference too small for two such chunks is cut in two.
    ///
    /// Numeric columns are cut into consecutive chunks in the reference's order (so drift within
    /// the reference widens the band, as it should). Categorical columns are stored as counts, so
    /// their chunks are drawn from those counts with a fixed seed. At most `maxChunks` chunks,
    /// spread evenly over the reference. Features with fewer than two chunks get no baseline.
    public func chunkBaselines(chunkSize requested: Int, maxChunks: Int = 20, options: DriftReportOptions = .init())
        -> [String: ChunkBaseline]
    {
        let size = max(Self.minimumChunkSize, min(requested, rowCount / 2))
        let count = min(maxChunks, rowCount / size)
        guard count >= 2 else { return [:] }
        var scores: [String: [Double]] = [:]
        for chunk in 0..<count {
            var profile = TrafficProfile()
            profile.count = size
            for column in columns {
                guard let feature = chunkProfile(column, chunk: chunk, of: count, size: size) else { continue }
                profile.features[column.name] = feature
            }
            let report = drift(profile: profile, options: options)
            for feature in report.features {
                guard let score = feature.results.first?.result.statistic, score.isFinite else { continue }
                scores[feature.name, default: []].append(score)
            }
        }
        return scores.compactMapValues { ChunkBaseline(scores: $0, chunkSize: size) }
    }

    /// Chunk `chunk` of `count` of a column, as a window's profile of the feature.
    private func chunkProfile(_ column: Column, chunk: Int, of count: Int, size: Int) -> FeatureProfile? {
        var feature = FeatureProfile()
        switch column.values {
        case .numbers(let numbers):
            // Values per row: missing values are not stored, so chunks hold the present values
            // of `size` rows' share.
            let perChunk = Int((Double(size) * Double(numbers.count) / Double(max(rowCount, 1))).rounded())
            guard perChunk >= 2, numbers.count >= perChunk * count else { return nil }
            let stride = numbers.count / count
            for value in numbers[chunk * stride..<chunk * stride + perChunk] { feature.add(.number(value)) }
            feature.missing = size - perChunk
        case .categories(let tally):
            let labels = tally.counts.keys.sorted()
            let weights = labels.map { Double(tally.counts[$0]!) }
            let total = weights.reduce(0, +) + Double(tally.missing)
            guard total > 0 else { return nil }
            var generator = SeededRandomNumberGenerator(seed: Self.seed(column.name, chunk))
            var cumulative: [Double] = []
            var running = 0.0
            for weight in weights {
                running += weight
                cumulative.append(running)
            }
            for _ in 0..<size {
                let draw = Double.random(in: 0..<total, using: &generator)
                let index = cumulative.partitioningIndex { $0 > draw }
                if index < labels.count { feature.add(.text(labels[index])) } else { feature.missing += 1 }
            }
        }
        return feature
    }

    /// A stable seed per column and chunk (FNV-1a of the name; Swift's hash values change
    /// from run to run).
    private static func seed(_ name: String, _ chunk: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash ^ UInt64(chunk)
    }
}

extension Array where Element == Double {
    /// The first index whose element satisfies `belongs` (which must be false then true along
    /// the array); `count` when none does.
    fileprivate func partitioningIndex(where belongs: (Double) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
