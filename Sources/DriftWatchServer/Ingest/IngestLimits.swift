/// Limits on what ingestion accepts; every one is configurable (`limits:` in the config file).
public struct IngestLimits: Sendable, Hashable {
    /// The largest request body, in bytes (larger bodies get 413). Bodies are streamed, so this
    /// bounds a request's length, not the server's memory.
    public var maxBodyBytes: Int
    /// The largest single row (one event), in bytes; a longer row is rejected on its own.
    public var maxRowBytes: Int
    /// The deepest nesting of arrays and objects within a row.
    public var maxDepth: Int
    /// The most features one event may have.
    public var maxFeatures: Int
    /// The longest string value (ids, categories, errors), in characters.
    public var maxStringLength: Int
    /// The most events that may wait for their commit at once; beyond it requests get 429.
    public var maxPendingEvents: Int
    /// The most events committed in one transaction; a longer body is committed in parts of
    /// this size as it streams in.
    public var maxEventsPerCommit: Int
    /// The most rejected rows listed in one answer (all are counted).
    public var maxReportedRejections: Int

    /// Creates limits. The defaults: 1 GiB bodies, 1 MiB rows, nesting 32 deep, 1,000 features,
    /// 4,096-character strings, 200,000 events waiting for their commit, 10,000 events per
    /// commit, 1,000 rejected rows listed.
    public init(
        maxBodyBytes: Int = 1 << 30, maxRowBytes: Int = 1 << 20, maxDepth: Int = 32, maxFeatures: Int = 1000,
        maxStringLength: Int = 4096, maxPendingEvents: Int = 200_000, maxEventsPerCommit: Int = 10_000,
        maxReportedRejections: Int = 1000
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxRowBytes = maxRowBytes
        self.maxDepth = maxDepth
        self.maxFeatures = maxFeatures
        self.maxStringLength = maxStringLength
        self.maxPendingEvents = maxPendingEvents
        self.maxEventsPerCommit = maxEventsPerCommit
        self.maxReportedRejections = maxReportedRejections
    }
}
