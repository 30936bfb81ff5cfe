import DriftWatchCore
import Foundation

/// The reference-chunk baselines of drift scores (``ReferenceDataset/chunkBaselines(chunkSize:maxChunks:options:)``),
/// kept per reference and window size: computing them scores every chunk against the whole
/// reference, which is worth doing once per reference, not once per monitor round.
actor ChunkBaselineCache {
    private struct Key: Hashable {
        var model: String
        var version: String?
        var createdAt: Date
        var chunkSize: Int
    }

    private var entries: [Key: [String: ChunkBaseline]] = [:]
    /// Entries kept; beyond this the cache starts again (references and window sizes change
    /// rarely, so this is only a bound).
    static let capacity = 256
    /// Chunks scored per reference.
    static let chunks = 10

    /// The baselines for windows of about `events` events compared with `reference`. The chunk
    /// size is `events` rounded to the nearest power of two, so that rounds with similar traffic
    /// share one computation (a score's spread shrinks with the square root of the size, so this
    /// moves the band by at most a factor of 2^¼ ≈ 1.19).
    func baselines(for reference: ReferenceDataset, events: Int) -> [String: ChunkBaseline] {
        guard events > 0 else { return [:] }
        let size = 1 << Int(log2(Double(events)).rounded())
        let key = Key(
            model: reference.modelID, version: reference.modelVersion, createdAt: reference.createdAt,
            chunkSize: size)
        if let cached = entries[key] { return cached }
        let computed = reference.chunkBaselines(chunkSize: size, maxChunks: Self.chunks)
        if entries.count >= Self.capacity { entries.removeAll() }
        entries[key] = computed
        return computed
    }
}
